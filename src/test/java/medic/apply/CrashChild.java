package medic.apply;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import medic.inventory.HostEntry;
import medic.inventory.NginxSettings;
import medic.inventory.Transport;
import medic.remote.LocalHost;
import medic.remote.ShellQuote;
import medic.store.Database;
import medic.store.DatabaseSettings;

/**
 * The child JVM of the crash tests: applies one change on the local nginx and, at the fault point it is given,
 * writes a marker and blocks until the parent kills it. Arguments: change id, fault point, marker file, nginx
 * wrapper, main config, pid file; the database comes from MEDIC_PROBE_URL/USER/PASSWORD.
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        long changeId = Long.parseLong(args[0]);
        FaultPoint target = FaultPoint.valueOf(args[1]);
        Path marker = Path.of(args[2]);
        HostEntry entry = localEntry(args[3], args[4]);
        Database database = Database.open(DatabaseSettings.of(System.getenv("MEDIC_PROBE_URL"),
                System.getenv("MEDIC_PROBE_USER"), System.getenv("MEDIC_PROBE_PASSWORD")));
        AuditLog audit = new AuditLog(database);
        FaultInjection stopHere = point -> {
            if (point == target) {
                try {
                    Files.writeString(marker, point.name());
                    new CountDownLatch(1).await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        Applier applier = new Applier(database, audit, new Proposals(database, audit, ApprovalRules.defaults()),
                new CircuitBreaker(database, 100, 1000), name -> new ApplyHost(entry, new LocalHost("edge-1"),
                Optional.of(args[5])), stopHere, Clock.systemUTC(), "child");
        ApplyResult result = applier.apply(changeId, List.of(), StepListener.NONE);
        Files.writeString(marker, "FINISHED " + result.state());
    }

    static HostEntry localEntry(String wrapper, String mainConfig) {
        return new HostEntry("edge-1", Transport.LOCAL, null, 0, null, null, null, null, "",
                new NginxSettings(wrapper, mainConfig, List.of("/dev/null"), ShellQuote.single(wrapper)
                        + " -s reload -c " + ShellQuote.single(mainConfig)), List.of());
    }
}
