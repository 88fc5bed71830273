package medic.slack.message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import medic.nginx.Diagnosis;
import medic.nginx.Diagnostician;
import medic.nginx.config.DiskConfigSource;
import medic.nginx.diagnosis.BackendFacts;
import medic.nginx.model.NginxVersion;
import medic.runbook.StepKind;
import medic.runbook.run.StepResult;
import medic.runbook.run.StepResult.Status;

/**
 * The seed incident of fixtures/seed-incident run through the real pipeline: its nginx.conf and captured
 * error.log diagnosed by Diagnostician, with the steps a runbook run would have recorded around it.
 */
final class SeedIncident {
    static final Path DIR = Path.of("src/test/resources/fixtures/seed-incident");
    static final Instant OPENED = Instant.parse("2025-03-14T09:26:53Z");
    static final IncidentHeader HEADER = new IncidentHeader(42, "edge-1", "app_backend", "critical",
            "NginxUpstreamResets", OPENED);

    private SeedIncident() {
    }

    static Diagnosis diagnosis() {
        return Diagnostician.diagnose(DiskConfigSource.load(DIR.resolve("nginx.conf"), null), errorLog(),
                NginxVersion.parse("1.22.1"), BackendFacts.NONE);
    }

    static byte[] errorLog() {
        try {
            return Files.readAllBytes(DIR.resolve("error.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The steps of the default runbook as they ended for this incident (nginx -t passed). */
    static List<StepResult> steps() {
        return List.of(
                step("version", StepKind.NGINX_VERSION, Status.SUCCEEDED, 0, "", "nginx version: nginx/1.22.1"),
                step("dump", StepKind.NGINX_DUMP, Status.SUCCEEDED, 0, "(40 lines of nginx -T output)", ""),
                step("test", StepKind.NGINX_TEST, Status.SUCCEEDED, 0, "",
                        "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n"
                                + "nginx: configuration file /etc/nginx/nginx.conf test is successful"),
                step("recent-failures", StepKind.ERROR_LOG, Status.SUCCEEDED, 0,
                        new String(errorLog(), StandardCharsets.UTF_8), ""));
    }

    static StepResult step(String id, StepKind kind, Status status, Integer exit, String stdout, String stderr) {
        return new StepResult(id, kind, status, exit, stdout, stderr, false, Duration.ofMillis(420),
                status == Status.FAILED ? "exit status " + exit : null);
    }

    static DiagnosisView view() {
        return DiagnosisView.of(diagnosis(), steps());
    }
}
