package medic.cli;

import java.util.concurrent.Callable;
import medic.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code medic demo}: the whole incident on this machine, watched and approved in the local console. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the whole story on loopback until Ctrl-C: a broken nginx site (Debian's nginx in a",
            "temporary prefix), a WebSocket backend that resets, traffic, and medic with its console in place of",
            "Slack. Open the printed URL, watch the diagnosis arrive, approve the fix; paste your own configs too."})
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8780", paramLabel = "PORT",
            description = "port of the console on 127.0.0.1 (0: any free port; default: ${DEFAULT-VALUE})")
    int port;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Demo demo = Demo.start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "medic-demo-shutdown"));
        spec.commandLine().getOut().println("medic demo: open " + demo.consoleUrl());
        spec.commandLine().getOut().println("(an incident opens within a minute as nginx logs upstream resets; "
                + "Ctrl-C stops everything and deletes the demo's files)");
        spec.commandLine().getOut().flush();
        demo.awaitClosed();
        return 0;
    }
}
