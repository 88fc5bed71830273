package medic.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console is off in {@code medic serve} unless a login token is set; its user must be a Slack ID. */
class ConsoleSettingsTest {
    private static final String WEBHOOK = "0123456789abcdef0123";

    @Test
    void the_console_is_off_by_default() {
        MedicSettings settings = MedicSettings.load(Optional.empty(), Map.of("MEDIC_WEBHOOK_TOKEN", WEBHOOK));
        assertTrue(settings.consoleToken().isEmpty());
    }

    @Test
    void a_token_and_user_turn_it_on_and_the_token_is_never_printed() {
        MedicSettings settings = MedicSettings.load(Optional.empty(), Map.of("MEDIC_WEBHOOK_TOKEN", WEBHOOK,
                "MEDIC_CONSOLE_TOKEN", "c0ns0le-t0ken-0123456789abcdef", "MEDIC_CONSOLE_USER", "U0ONCALL"));
        assertEquals(Optional.of("c0ns0le-t0ken-0123456789abcdef"), settings.consoleToken());
        assertEquals(Optional.of("U0ONCALL"), settings.consoleUser());
        assertFalse(settings.toString().contains("c0ns0le-t0ken"), settings.toString());
    }

    @Test
    void a_user_that_is_not_a_slack_id_is_refused_naming_the_setting() {
        SettingsException e = assertThrows(SettingsException.class, () -> MedicSettings.load(Optional.empty(),
                Map.of("MEDIC_WEBHOOK_TOKEN", WEBHOOK, "MEDIC_CONSOLE_USER", "alice")));
        assertTrue(e.getMessage().contains("console.user") && e.getMessage().contains("MEDIC_CONSOLE_USER"),
                e.getMessage());
    }
}
