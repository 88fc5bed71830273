package medic.slack.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;
import medic.nginx.Diagnosis;
import medic.slack.ActionValue;
import medic.slack.Actions;
import medic.slack.SlackMessage;
import org.junit.jupiter.api.Test;

class IncidentMessagesTest {
    private static final Instant EXPIRES = Instant.parse("2025-03-14T09:57:00Z");
    private final IncidentMessages messages = new IncidentMessages(MessageTemplates.defaults());

    @Test
    void the_seed_incident_awaiting_approval_shows_evidence_findings_diff_and_four_buttons() {
        Diagnosis diagnosis = SeedIncident.diagnosis();
        IncidentPost post = messages.parent(SeedIncident.HEADER, new IncidentState.AwaitingApproval(EXPIRES),
                DiagnosisView.of(diagnosis, SeedIncident.steps()));
        SlackMessage message = post.message();

        assertEquals(List.of(), SlackLimits.violations(message));
        List<String> types = Json.types(message);
        assertEquals("header", types.get(0));
        assertEquals("actions", types.get(types.size() - 1));
        String text = Json.allText(message);
        assertTrue(text.contains("Upstream resets on edge-1 \u2192 app_backend"), text);
        assertTrue(text.contains("`nginx -t`: today's config loads"), text);
        assertTrue(text.contains("upstream reset"), "failure classes: " + text);
        assertTrue(text.contains("`WS01` `nginx.conf:33`"), text);
        assertTrue(text.contains("more (run `medic diagnose`"), "the seed has more findings than shown: " + text);

        List<JsonObject> buttons = Json.buttons(message);
        assertEquals(List.of(Actions.APPROVE, Actions.REJECT, Actions.RERUN, Actions.SNOOZE),
                buttons.stream().map(b -> b.get("action_id").getAsString()).toList());
        String sha = DiagnosisView.sha256(diagnosis.proposal().unifiedDiff());
        for (JsonObject button : buttons) {
            ActionValue value = ActionValue.decode(button.get("value").getAsString());
            assertEquals(42, value.incidentId());
            assertEquals(sha, value.proposalSha256());
        }
        JsonObject approve = buttons.get(0);
        assertEquals("primary", approve.get("style").getAsString());
        assertEquals("Approve & apply", approve.getAsJsonObject("text").get("text").getAsString());
        assertTrue(approve.getAsJsonObject("confirm").getAsJsonObject("title").get("text").getAsString()
                .contains("edge-1"));
    }

    @Test
    void the_seed_diff_is_long_so_the_message_shows_its_start_and_hands_back_the_file() {
        Diagnosis diagnosis = SeedIncident.diagnosis();
        IncidentPost post = messages.parent(SeedIncident.HEADER, new IncidentState.AwaitingApproval(EXPIRES),
                SeedIncident.view());
        long diffLines = diagnosis.proposal().unifiedDiff().lines().count();
        if (diffLines <= ProposalSection.INLINE_LINES) {
            assertTrue(post.diffFile().isEmpty());
            assertTrue(Json.allText(post.message()).contains("```\n--- "));
            return;
        }
        DiffFile file = post.diffFile().orElseThrow();
        assertEquals("incident-42-proposal.diff", file.filename());
        assertEquals(diffLines, file.content().lines().count());
        String text = Json.allText(post.message());
        assertTrue(text.contains("(truncated, " + (diffLines - ProposalSection.PREVIEW_LINES)
                + " more lines in the attached file)"), text);
    }

    @Test
    void a_short_diff_is_shown_inline_without_a_file() {
        DiagnosisView seed = SeedIncident.view();
        String diff = "--- a/nginx.conf\n+++ b/nginx.conf\n@@ -33,1 +33,2 @@\n location /ws/ {\n+    proxy_http_version 1.1;\n";
        DiagnosisView shortDiff = new DiagnosisView(seed.log(), seed.logLines(), seed.nginxTest(), seed.findings(),
                "Hardening nginx.conf (+1 -0) for WS01.", diff, DiagnosisView.sha256(diff), seed.notes());
        IncidentPost post = messages.parent(SeedIncident.HEADER, new IncidentState.AwaitingApproval(EXPIRES), shortDiff);
        assertTrue(post.diffFile().isEmpty());
        assertTrue(Json.allText(post.message()).contains("```\n--- a/nginx.conf\n+++ b/nginx.conf"),
                Json.allText(post.message()));
    }

    @Test
    void approval_removes_the_buttons_and_names_the_approver() {
        SlackMessage message = messages.parent(SeedIncident.HEADER,
                new IncidentState.Approved("U024BE7LH", EXPIRES), SeedIncident.view()).message();
        assertTrue(Json.buttons(message).isEmpty());
        assertTrue(Json.allText(message).contains("*Approved* by <@U024BE7LH>"));
        assertEquals(List.of(), SlackLimits.violations(message));
    }

    @Test
    void an_applied_change_offers_rollback_bound_to_the_change() {
        String changeSha = DiagnosisView.sha256("change 7");
        SlackMessage message = messages.parent(SeedIncident.HEADER,
                new IncidentState.Applied("U024BE7LH", "chg-7", changeSha, EXPIRES), SeedIncident.view()).message();
        List<JsonObject> buttons = Json.buttons(message);
        assertEquals(1, buttons.size());
        assertEquals(Actions.ROLLBACK, buttons.get(0).get("action_id").getAsString());
        assertEquals(new ActionValue(42, changeSha), ActionValue.decode(buttons.get(0).get("value").getAsString()));
        assertEquals(List.of(), SlackLimits.violations(message));
    }

    @Test
    void every_state_renders_within_limits_and_only_awaiting_and_applied_have_buttons() {
        List<IncidentState> states = List.of(new IncidentState.Diagnosing(SeedIncident.OPENED),
                new IncidentState.AwaitingApproval(EXPIRES), new IncidentState.Approved("U1AB", EXPIRES),
                new IncidentState.Applying("U1AB"), new IncidentState.Applied("U1AB", "c1", null, EXPIRES),
                new IncidentState.RolledBack("verify failed: WebSocket closed after 61 s", null),
                new IncidentState.RolledBack("asked for", "U1AB"), new IncidentState.Failed("ssh: connection refused"),
                new IncidentState.Rejected("U1AB", "not during the sale"), new IncidentState.Snoozed("U1AB", EXPIRES),
                new IncidentState.Resolved(EXPIRES), new IncidentState.ApprovalExpired(EXPIRES));
        for (IncidentState state : states) {
            for (DiagnosisView view : new DiagnosisView[] {null, SeedIncident.view()}) {
                SlackMessage message = messages.parent(SeedIncident.HEADER, state, view).message();
                assertEquals(List.of(), SlackLimits.violations(message), state.toString());
                boolean buttons = state instanceof IncidentState.AwaitingApproval;
                assertEquals(buttons, !Json.buttons(message).isEmpty(), state.toString());
            }
        }
    }

    @Test
    void a_rejection_shows_who_and_the_reason_escaped() {
        SlackMessage message = messages.parent(SeedIncident.HEADER,
                new IncidentState.Rejected("U1AB", "see <!channel> & <http://evil|here>"), SeedIncident.view()).message();
        String text = Json.allText(message);
        assertTrue(text.contains("*Rejected* by <@U1AB>: see &lt;!channel&gt; &amp; &lt;http://evil|here&gt;"), text);
    }

    @Test
    void without_a_proposal_there_is_no_approve_button_and_the_others_carry_no_hash() {
        DiagnosisView seed = SeedIncident.view();
        DiagnosisView nothing = new DiagnosisView(seed.log(), seed.logLines(), seed.nginxTest(), List.of(),
                "Nothing to change.", "", null, List.of());
        SlackMessage message = messages.parent(SeedIncident.HEADER, new IncidentState.AwaitingApproval(EXPIRES),
                nothing).message();
        List<JsonObject> buttons = Json.buttons(message);
        assertEquals(List.of(Actions.REJECT, Actions.RERUN, Actions.SNOOZE),
                buttons.stream().map(b -> b.get("action_id").getAsString()).toList());
        assertNull(ActionValue.decode(buttons.get(0).get("value").getAsString()).proposalSha256());
        assertTrue(Json.allText(message).contains("nothing to apply"));
        assertTrue(Json.allText(message).contains("*Proposed change*: Nothing to change."));
    }

    @Test
    void the_notification_text_names_host_and_state() {
        SlackMessage message = messages.parent(SeedIncident.HEADER, new IncidentState.Failed("x"), null).message();
        assertEquals("Upstream resets on edge-1 \u2192 app_backend: failed", message.text());
        assertNotNull(message.blocksJson());
    }
}
