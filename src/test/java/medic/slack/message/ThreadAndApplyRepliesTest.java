package medic.slack.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import medic.runbook.StepKind;
import medic.runbook.run.StepResult;
import medic.runbook.run.StepResult.Status;
import medic.slack.SlackMessage;
import org.junit.jupiter.api.Test;

class ThreadAndApplyRepliesTest {
    private static final Instant AT = Instant.parse("2025-03-14T09:30:00Z");
    private final ThreadReplies thread = new ThreadReplies(MessageTemplates.defaults());
    private final ApplyReplies apply = new ApplyReplies(MessageTemplates.defaults());

    @Test
    void a_succeeded_step_shows_name_kind_exit_code_and_duration() {
        SlackMessage message = thread.step(SeedIncident.steps().get(2), AT);
        assertEquals(List.of("section"), Json.types(message));
        assertEquals(":white_check_mark: `test` (nginx_test) succeeded in 420 ms, exit 0", message.text());
    }

    @Test
    void a_failed_step_shows_why_and_the_tail_of_its_output() {
        StepResult failed = new StepResult("dump", StepKind.NGINX_DUMP, Status.FAILED, 1, "",
                "nginx: [emerg] unknown directive \"proxy_pas\" in /etc/nginx/nginx.conf:33\nnginx: configuration file"
                        + " /etc/nginx/nginx.conf test failed", false, Duration.ofMillis(1500), "exit status 1");
        SlackMessage message = thread.step(failed, AT);
        assertEquals(List.of("section", "section"), Json.types(message));
        String text = Json.allText(message);
        assertTrue(text.startsWith(":x: `dump` (nginx_dump) failed after 1.5 s, exit 1: exit status 1"), text);
        assertTrue(text.contains("```\nnginx: [emerg] unknown directive \"proxy_pas\""), text);
    }

    @Test
    void the_approval_gate_says_until_when_it_waits() {
        StepResult gate = new StepResult("approve", StepKind.APPROVAL_GATE, Status.AWAITING_APPROVAL, null, "", "",
                false, Duration.ZERO, null);
        assertTrue(thread.step(gate, AT).text().contains("waits for approval (until <!date^1741944600^"));
    }

    @Test
    void repeats_and_resolution_are_one_line_each() {
        assertEquals(":repeat: 17 more alerts for edge-1 (NginxUpstreamResets) between "
                        + "<!date^1741944413^{date_short_pretty} {time}|2025-03-14 09:26 UTC> and "
                        + "<!date^1741944600^{date_short_pretty} {time}|2025-03-14 09:30 UTC>; coalesced here.",
                thread.repeats(17, "edge-1", "NginxUpstreamResets", SeedIncident.OPENED, AT).text());
        assertTrue(thread.resolved("NginxUpstreamResets", AT).text()
                .startsWith(":large_green_circle: Alertmanager reports NginxUpstreamResets resolved"));
    }

    @Test
    void a_failed_nginx_t_during_apply_shows_its_output() {
        SlackMessage message = apply.step("edge-1", new ApplyStep(ApplyStep.Kind.NGINX_TEST, ApplyStep.Outcome.FAILED,
                "restoring the backup", "nginx: [emerg] \"proxy_read_timeout\" directive is duplicate in /etc/nginx/nginx.conf:36",
                Duration.ofMillis(80)));
        String text = Json.allText(message);
        assertTrue(text.startsWith(":x: *nginx -t* on `edge-1` failed after 80 ms: restoring the backup"), text);
        assertTrue(text.contains("```\nnginx: [emerg] \"proxy_read_timeout\" directive is duplicate"), text);
    }

    @Test
    void every_apply_step_and_outcome_has_its_words() {
        for (ApplyStep.Kind kind : ApplyStep.Kind.values()) {
            for (ApplyStep.Outcome outcome : ApplyStep.Outcome.values()) {
                SlackMessage message = apply.step("edge-1", new ApplyStep(kind, outcome, null, null, Duration.ofSeconds(2)));
                assertEquals(List.of("section"), Json.types(message), kind + " " + outcome);
                assertTrue(message.text().contains("`edge-1`"), message.text());
            }
        }
        assertTrue(apply.step("edge-1", new ApplyStep(ApplyStep.Kind.BACKUP, ApplyStep.Outcome.SUCCEEDED, "2 files",
                null, Duration.ofMillis(300))).text().endsWith("*Backup* on `edge-1` done in 300 ms: 2 files"));
    }

    @Test
    void verification_lists_failed_probes_first() {
        SlackMessage message = apply.verification("edge-1", List.of(
                new Verification("error-log recheck", true, "0 resets in 5 min", Duration.ofMinutes(5)),
                new Verification("websocket idle 75 s", false, "closed after 60 s", Duration.ofSeconds(60))));
        String text = Json.allText(message);
        assertTrue(text.startsWith(":x: *Verification failed* on `edge-1`: 1 of 2 probes failed."), text);
        assertTrue(text.indexOf("websocket idle") < text.indexOf("error-log recheck"), text);
        assertTrue(apply.verification("edge-1", List.of(new Verification("http", true, "", Duration.ZERO))).text()
                .contains("all 1 probes passed"));
    }

    @Test
    void a_refusal_says_why() {
        assertEquals(":no_entry: Not applied to `edge-1`: nginx.conf changed since approval (sha256 differs)",
                apply.refused("edge-1", "nginx.conf changed since approval (sha256 differs)").text());
    }
}
