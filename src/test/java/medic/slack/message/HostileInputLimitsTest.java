package medic.slack.message;

import static medic.slack.message.Hostile.assertSafe;
import static medic.slack.message.Hostile.assertSafeKeepingMentions;
import static medic.slack.message.Hostile.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import medic.runbook.StepKind;
import medic.runbook.run.StepResult;
import medic.runbook.run.StepResult.Status;
import org.junit.jupiter.api.Test;

/** Every message type built from hostile inputs stays within Slack's limits and never mentions or links. */
class HostileInputLimitsTest {
    private static final Instant AT = Instant.parse("2025-03-14T09:26:53Z");
    private final MessageTemplates templates = MessageTemplates.defaults();
    private final IncidentHeader header = new IncidentHeader(Long.MAX_VALUE, text(10_000), text(10_000),
            text(10_000), text(10_000), AT);

    @Test
    void the_parent_message_in_every_state_survives_thousands_of_findings_and_a_huge_diff() {
        IncidentMessages messages = new IncidentMessages(templates);
        DiagnosisView view = Hostile.view();
        List<IncidentState> states = List.of(new IncidentState.Diagnosing(AT), new IncidentState.AwaitingApproval(AT),
                new IncidentState.Approved(text(100), AT), new IncidentState.Applying("<!channel>"),
                new IncidentState.Applied("U1", text(10_000), DiagnosisView.sha256("c"), AT),
                new IncidentState.RolledBack(text(10_000), null), new IncidentState.RolledBack(text(10_000), text(50)),
                new IncidentState.Failed(text(100_000)), new IncidentState.Rejected("<@U1>", text(10_000)),
                new IncidentState.Snoozed(text(100), AT), new IncidentState.Resolved(AT),
                new IncidentState.ApprovalExpired(null));
        for (IncidentState state : states) {
            IncidentPost post = messages.parent(header, state, view);
            assertSafe(post.message(), state.getClass().getSimpleName());
            assertTrue(post.diffFile().isPresent(), "a 100 KB diff is uploaded");
            assertEquals(view.proposalDiff(), post.diffFile().get().content());
            assertSafe(messages.parent(header, state, null).message(), state.getClass().getSimpleName() + " bare");
        }
        String shown = Json.allText(messages.parent(header, new IncidentState.AwaitingApproval(AT), view).message());
        assertTrue(shown.contains("more lines in the attached file)"), "the diff preview says it was cut");
        assertTrue(shown.contains("more (run `medic diagnose`"), "the findings say how many were left out");
    }

    @Test
    void the_real_seed_diagnosis_with_hostile_step_output_stays_safe() {
        List<StepResult> steps = List.of(
                new StepResult("test", StepKind.NGINX_TEST, Status.FAILED, 1, Hostile.lines(500, 200),
                        Hostile.lines(500, 200), true, Duration.ofHours(3), text(10_000)),
                new StepResult("log", StepKind.ERROR_LOG, Status.SUCCEEDED, 0, Hostile.lines(10, 10_000), "", true,
                        Duration.ofMillis(5), null));
        DiagnosisView view = DiagnosisView.of(SeedIncident.diagnosis(), steps);
        assertSafe(new IncidentMessages(templates).parent(header, new IncidentState.AwaitingApproval(AT), view)
                .message(), "seed with hostile steps");
    }

    @Test
    void thread_replies_survive_huge_output_and_names() {
        ThreadReplies replies = new ThreadReplies(templates);
        for (Status status : Status.values()) {
            StepResult step = new StepResult(text(10_000), StepKind.COMMAND, status, Integer.MIN_VALUE,
                    Hostile.lines(10, 10_000), Hostile.lines(300, 300), true, Duration.ofDays(400), text(100_000));
            assertSafe(replies.step(step, AT), "step " + status);
        }
        assertSafe(replies.repeats(Integer.MAX_VALUE, text(10_000), text(10_000), AT, null), "repeats");
        assertSafe(replies.resolved(text(10_000), AT), "resolved");
    }

    @Test
    void apply_replies_survive_huge_output_and_thousands_of_probes() {
        ApplyReplies replies = new ApplyReplies(templates);
        for (ApplyStep.Kind kind : ApplyStep.Kind.values()) {
            for (ApplyStep.Outcome outcome : ApplyStep.Outcome.values()) {
                assertSafe(replies.step(text(10_000), new ApplyStep(kind, outcome, text(10_000),
                        Hostile.lines(10, 10_000), Duration.ofMillis(-5))), kind + " " + outcome);
            }
        }
        List<Verification> probes = IntStream.range(0, 5000).mapToObj(i -> new Verification(text(10_000), i % 2 == 0,
                text(10_000), Duration.ofSeconds(i))).toList();
        assertSafe(replies.verification(text(10_000), probes), "verification");
        assertSafe(replies.verification("edge-1", List.of()), "no probes");
        assertSafeKeepingMentions(replies.refused(text(10_000), text(100_000)), "refused");
    }

    @Test
    void the_unknown_host_notice_survives_thousands_of_hostile_labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < 5000; i++) {
            labels.put(text(300) + i, text(10_000));
        }
        ChannelNotices notices = new ChannelNotices(templates);
        assertSafe(notices.unknownHost(text(10_000), labels, text(10_000)), "notice");
        assertSafe(notices.unknownHost(null, Map.of(), null), "notice without labels");
        assertSafe(notices.unknownHost("A", Map.of("instance", text(10_000)), "inv.yaml"), "notice with instance");
    }

    @Test
    void slash_command_replies_survive_thousands_of_incidents_hosts_and_history_entries() {
        CommandReplies replies = new CommandReplies(templates, text(500));
        List<IncidentSummary> open = new ArrayList<>();
        List<HistoryEntry> history = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            open.add(new IncidentSummary(i + 1, text(10_000), text(10_000), text(100), AT));
            history.add(new HistoryEntry(AT, text(40), text(10_000), text(10_000)));
            hosts.add(text(10_000) + i);
        }
        assertSafe(replies.help(), "help");
        assertSafe(replies.status(open), "status");
        assertSafe(replies.status(List.of()), "status none");
        assertSafe(replies.history(text(10_000), history), "history");
        assertSafe(replies.history(text(10_000), List.of()), "history none");
        assertSafe(replies.accepted(text(10_000)), "accepted");
        assertSafe(replies.unknownSubcommand(text(10_000)), "unknown subcommand");
        assertSafe(replies.unusable(text(100_000)), "unusable");
        assertSafe(replies.unknownHost(text(10_000), hosts, hosts), "unknown host");
        assertSafe(replies.unknownHost(text(10_000), List.of(), List.of()), "unknown host, empty inventory");
        assertSafeKeepingMentions(replies.refused(text(10_000), text(100_000)), "refused");
        assertSafe(replies.failed(text(10_000), text(100_000)), "failed");
        assertSafe(replies.failed(null, null), "failed without words");
        assertSafe(replies.repeated(text(10_000), Duration.ofDays(9999)), "repeated");
        assertSafe(replies.busy(text(10_000)), "busy");
        assertSafe(replies.foreignButton(text(100_000)), "foreign button");
        for (boolean done : new boolean[] {true, false}) {
            assertSafeKeepingMentions(replies.outcome(text(10_000), done, text(100_000)), "outcome " + done);
        }
    }
}
