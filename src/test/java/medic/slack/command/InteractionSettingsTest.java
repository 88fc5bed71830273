package medic.slack.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import medic.MedicException;
import org.junit.jupiter.api.Test;

class InteractionSettingsTest {

    @Test
    void unset_settings_take_the_defaults() {
        assertEquals(new InteractionSettings("/medic", Duration.ofHours(1), Duration.ofMinutes(1),
                Duration.ofMinutes(1)), InteractionSettings.from(Map.of()));
    }

    @Test
    void reads_short_and_iso_durations() {
        InteractionSettings settings = InteractionSettings.from(Map.of("MEDIC_SLACK_COMMAND", "/medic-staging",
                "MEDIC_SNOOZE", "30m", "MEDIC_DUPLICATE_WINDOW", "90s", "MEDIC_GROUP_CACHE_TTL", "PT2M"));
        assertEquals(new InteractionSettings("/medic-staging", Duration.ofMinutes(30), Duration.ofSeconds(90),
                Duration.ofMinutes(2)), settings);
    }

    @Test
    void names_the_setting_it_cannot_read() {
        assertEquals("MEDIC_SNOOZE must be a positive duration such as 90s, 30m or 1h, got \"soon\"",
                assertThrows(MedicException.class, () -> InteractionSettings.from(Map.of("MEDIC_SNOOZE", "soon")))
                        .getMessage());
        assertEquals("MEDIC_DUPLICATE_WINDOW must be a positive duration such as 90s, 30m or 1h, got \"0s\"",
                assertThrows(MedicException.class,
                        () -> InteractionSettings.from(Map.of("MEDIC_DUPLICATE_WINDOW", "0s"))).getMessage());
        assertThrows(MedicException.class, () -> InteractionSettings.from(Map.of("MEDIC_SLACK_COMMAND", "medic")));
    }
}
