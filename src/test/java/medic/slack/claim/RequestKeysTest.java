package medic.slack.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestKeysTest {

    @Test
    void a_slash_command_is_named_by_its_trigger_id() {
        assertEquals("slash:7318201538.1234567890.3f0c", RequestKeys.slashCommand("7318201538.1234567890.3f0c",
                "T0MEDIC01", "U0ALICE", "/medic", "diagnose web-1", "1764000000"));
    }

    @Test
    void without_a_trigger_id_a_slash_command_is_named_by_who_typed_what_and_when() {
        String delivery = RequestKeys.slashCommand(null, "T0MEDIC01", "U0ALICE", "/medic", "diagnose web-1",
                "1764000000");

        assertTrue(delivery.matches("slash:sha256:[0-9a-f]{64}"), delivery);
        assertEquals(delivery, RequestKeys.slashCommand("", "T0MEDIC01", "U0ALICE", "/medic", "diagnose web-1",
                "1764000000"), "a redelivery");
        assertNotEquals(delivery, RequestKeys.slashCommand(null, "T0MEDIC01", "U0ALICE", "/medic", "diagnose web-1",
                "1764000001"), "typed again a second later");
        assertNotEquals(delivery, RequestKeys.slashCommand(null, "T0MEDIC01", "U0BOB", "/medic", "diagnose web-1",
                "1764000000"), "another person");
        assertNotEquals(delivery, RequestKeys.slashCommand(null, "T0MEDIC01", "U0ALICE", "/medic", "diagnose web-2",
                "1764000000"), "another host");
        assertNotEquals(RequestKeys.slashCommand(null, "T0MEDIC01", "U0ALICE", "/medic", "a\nb", "1"),
                RequestKeys.slashCommand(null, "T0MEDIC01", "U0ALICE", "/medic\na", "b", "1"),
                "fields cannot run into each other");
    }

    @Test
    void a_slash_command_with_neither_trigger_id_nor_timestamp_is_never_taken_for_another() {
        String first = RequestKeys.slashCommand(null, "T0MEDIC01", "U0ALICE", "/medic", "status", null);

        assertNotEquals(first, RequestKeys.slashCommand(null, "T0MEDIC01", "U0ALICE", "/medic", "status", null));
        assertTrue(first.startsWith("slash:unnamed:"), first);
    }

    @Test
    void clicks_dialogs_and_events_have_keys_of_their_own_kind() {
        assertEquals("action:1714557800.123456:7318201540.1.c1d2", RequestKeys.click("1714557800.123456",
                "7318201540.1.c1d2"));
        assertEquals("view:V0REJECT:hash-1", RequestKeys.viewSubmission("V0REJECT", "hash-1"));
        assertEquals("event:Ev0MEDIC01", RequestKeys.event("Ev0MEDIC01"));
    }
}
