package medic.slack.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainRepliesTest {

    private final PlainReplies replies = new PlainReplies();

    @Test
    void status_lists_the_newest_thirty_incidents_and_counts_the_rest() {
        List<IncidentStatus> storm = new ArrayList<>();
        for (int id = 500; id > 0; id--) {
            storm.add(new IncidentStatus(id, "web-" + id, "app_backend", "diagnosed", Instant.EPOCH));
        }
        String text = replies.status(storm).text();

        assertTrue(text.startsWith("500 open incidents:\n#500 web-500"), text);
        assertTrue(text.endsWith("#471 web-471 upstream app_backend: diagnosed since 1970-01-01 00:00 UTC\n"
                + "... and 470 more (newest first above)"), text);
        assertTrue(text.length() < 3000, "well inside Slack's limits: " + text.length());
    }

    @Test
    void says_the_repeat_window_in_words() {
        assertTrue(replies.repeated("status", Duration.ofSeconds(90)).text().endsWith("within 90 seconds counts once."));
        assertTrue(replies.repeated("status", Duration.ofHours(2)).text().endsWith("within 2 hours counts once."));
    }

    @Test
    void history_mentions_slack_users_and_names_other_actors() {
        String text = replies.history("web-1", List.of(
                new HistoryEntry(Instant.parse("2025-05-01T10:05:00Z"), "U0DAVE", "approved", ""),
                new HistoryEntry(Instant.parse("2025-05-01T10:06:00Z"), "medic", "applied", "nginx -t ok"))).text();
        assertEquals("History of web-1 (newest first):\n2025-05-01 10:05 UTC  <@U0DAVE>  approved\n"
                + "2025-05-01 10:06 UTC  medic  applied: nginx -t ok", text);
    }
}
