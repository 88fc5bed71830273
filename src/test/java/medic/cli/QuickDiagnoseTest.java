package medic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Plain diagnose arguments read without picocli give the command picocli would give; the rest go to picocli. */
class QuickDiagnoseTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "diagnose --config /tmp/nginx.conf",
        "diagnose --config nginx.conf --format json",
        "diagnose --format diff --config conf/nginx.conf --color never",
        "diagnose --dump saved-T.txt --format text --color always",
        "diagnose --example seed-incident --error-log logs/error.log",
        "diagnose --config a.conf --nginx-version 1.29.7 --prefix /etc/nginx --expected-tunnels 20000",
        "diagnose --config a.conf --backend-idle ws=5s --backend-idle api=60s --expected-tunnels 0",
        "diagnose --config a.conf --nginx-version nginx_version:_nginx/1.22.1",
    })
    void reads_plain_arguments_as_picocli_does(String line) {
        String[] args = line.split(" ");
        DiagnoseCommand quick = QuickDiagnose.parse(args);
        assertNotNull(quick, line);
        DiagnoseCommand picocli = new DiagnoseCommand();
        new CommandLine(picocli).parseArgs(Arrays.copyOfRange(args, 1, args.length));
        assertEquals(fields(picocli), fields(quick), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "diagnose",
        "diagnose --help",
        "diagnose --config",
        "diagnose --config=a.conf",
        "diagnose --config a.conf --config b.conf",
        "diagnose --config a.conf --dump b.txt",
        "diagnose --format json",
        "diagnose --config a.conf --format JSON",
        "diagnose --config a.conf --format xml",
        "diagnose --config a.conf --expected-tunnels 010",
        "diagnose --config a.conf --expected-tunnels -1",
        "diagnose --config a.conf --expected-tunnels 99999999999",
        "diagnose --config a.conf --color --format",
        "diagnose --config @args.txt",
        "diagnose --host edge-1",
        "diagnose --config a.conf --inventory inv.yaml",
        "diagnose --config a.conf --unknown x",
        "diagnose --config a.conf -- x",
        "runbook --config a.conf",
        "--version",
    })
    void leaves_anything_less_plain_to_picocli(String line) {
        assertNull(QuickDiagnose.parse(line.split(" ")), line);
    }

    @org.junit.jupiter.api.Test
    void leaves_an_empty_value_to_picocli() {
        assertNull(QuickDiagnose.parse(new String[] {"diagnose", "--config", ""}));
    }

    private static List<Object> fields(DiagnoseCommand command) {
        return Arrays.asList(command.source.config, command.source.dump, command.source.host, command.source.example,
                command.inventory, command.runbook, command.errorLog, command.nginxVersion, command.prefix,
                List.copyOf(command.backendIdle), command.expectedTunnels, command.format, command.color);
    }
}
