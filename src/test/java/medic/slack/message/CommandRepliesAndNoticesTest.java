package medic.slack.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import medic.slack.SlackMessage;
import org.junit.jupiter.api.Test;

class CommandRepliesAndNoticesTest {
    private static final Instant AT = Instant.parse("2025-03-14T09:30:00Z");
    private final CommandReplies replies = new CommandReplies(MessageTemplates.defaults(), "/medic");

    @Test
    void help_lists_every_subcommand() {
        String text = replies.help().text();
        for (String sub : List.of("diagnose &lt;host&gt;", "status", "history &lt;host&gt;", "rollback &lt;change-id&gt;",
                "help")) {
            assertTrue(text.contains("`/medic " + sub + "`"), sub + " in " + text);
        }
    }

    @Test
    void status_lists_open_incidents_and_says_how_many_were_left_out() {
        List<IncidentSummary> open = IntStream.rangeClosed(1, 20).mapToObj(i -> new IncidentSummary(i, "edge-" + i,
                "app", "awaiting approval", AT)).toList();
        String text = replies.status(open).text();
        assertTrue(text.startsWith("*Open incidents* (20)\n• #1 `edge-1` \u2192 app: awaiting approval (opened <!date^"),
                text);
        assertTrue(text.endsWith("…and 5 more."), text);
        assertEquals("No open incidents.", replies.status(List.of()).text());
    }

    @Test
    void history_shows_entries_with_actors_as_mentions() {
        String text = replies.history("edge-1", List.of(new HistoryEntry(AT, "U024BE7LH", "applied", "chg-7"))).text();
        assertTrue(text.contains(" · applied by <@U024BE7LH>: chg-7"), text);
        assertEquals("Nothing recorded for `edge-1` yet.", replies.history("edge-1", List.of()).text());
    }

    @Test
    void errors_are_helpful() {
        assertEquals(":thinking_face: `restart` is not a medic subcommand. Try `/medic help`.",
                replies.unknownSubcommand("restart").text());
        assertEquals(":thinking_face: `edge-9` is not in the inventory. Known hosts (2): `edge-1`, `edge-2`\nUse one"
                + " of them, or add the host to the inventory and restart medic.",
                replies.unknownHost("edge-9", List.of(), List.of("edge-2", "edge-1")).text());
        assertTrue(replies.unknownHost("edge-9", List.of(), List.of()).text().contains("the inventory has no hosts yet"));
        assertEquals(":no_entry: `approve incident 4` is not allowed: ask <@U024BE7LH> in <#C0OPS01>, not &lt;!here&gt;",
                replies.refused("approve incident 4", "ask <@U024BE7LH> in <#C0OPS01>, not <!here>").text());
        assertEquals(":white_check_mark: Diagnosing `web-1` for <@U024BE7LH>",
                replies.outcome("diagnose web-1", true, "Diagnosing `web-1` for <@U024BE7LH>").text());
        assertEquals(":warning: Not done: `approve incident 4`: Already approved by U1 &lt;@U2|x&gt;",
                replies.outcome("approve incident 4", false, "Already approved by U1 <@U2|x>").text());
        assertEquals(":repeat: You asked for `status` a moment ago and medic is on it; the same request within 90 seconds"
                + " counts once.", replies.repeated("status", java.time.Duration.ofSeconds(90)).text());
    }

    @Test
    void an_unknown_host_notice_shows_the_labels_and_the_inventory_entry_to_add() {
        SlackMessage notice = new ChannelNotices(MessageTemplates.defaults()).unknownHost("NginxUpstreamResets",
                Map.of("alertname", "NginxUpstreamResets", "instance", "edge-9:9113", "job", "nginx"),
                "/etc/medic/inventory.yaml");
        String text = Json.allText(notice);
        assertTrue(text.contains("• `instance` = `edge-9:9113`"), text);
        assertTrue(text.contains("`/etc/medic/inventory.yaml`:\n```\nlabels:\n  instance: \"edge-9:9113\"\n```"), text);
        assertEquals("Alert NginxUpstreamResets for a host the inventory does not know", notice.text());
        assertEquals("labels:\n  host: \"a\\\"b\"\n", ChannelNotices.snippet(Map.of("host", "a\"b", "severity", "x")));
    }
}
