package medic.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import medic.MedicException;
import medic.store.DatabaseSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Loading medic serve's settings: file, environment, defaults, and every refusal as one line. */
class SettingsTest {
    private static final Path FIXTURES = Path.of("src/test/resources/settings");
    private static final Map<String, String> TOKEN = Map.of("MEDIC_WEBHOOK_TOKEN", "0123456789abcdef0123");

    @Test
    void a_webhook_token_in_the_environment_is_all_it_takes() {
        MedicSettings settings = MedicSettings.load(Optional.empty(), TOKEN);
        assertEquals(8080, settings.http().port());
        assertEquals("0.0.0.0", settings.http().bind());
        assertEquals(DatabaseSettings.DEFAULT_URL, settings.database().url());
        assertEquals(Path.of("runbooks"), settings.runbooks());
        assertTrue(settings.slack().isEmpty());
        assertTrue(settings.watch().enabled());
        assertTrue(settings.access().fourEyes());
        assertEquals(Duration.ofMinutes(30), settings.access().approvalTtl());
        assertEquals(List.of("host", "instance"), settings.alerts().hostLabels());
    }

    @Test
    void every_setting_is_read_from_the_file() {
        MedicSettings settings = MedicSettings.load(Optional.of(FIXTURES.resolve("full.yaml")), Map.of());
        assertEquals(new HttpSettings("127.0.0.1", 9090, 2097152, Duration.ofSeconds(10)), settings.http());
        assertEquals("jdbc:postgresql://db.internal:5432/medic", settings.database().url());
        assertEquals(12, settings.database().maximumPoolSize());
        assertEquals(524288, settings.webhook().maxBytes());
        assertEquals("https://slack-proxy.internal/api/", settings.slack().orElseThrow().apiUrl());
        assertFalse(settings.slack().orElseThrow().socketMode());
        assertEquals("C0123ABCD", settings.channel());
        assertTrue(settings.scheduler().clustered());
        assertEquals(6, settings.scheduler().threadCount());
        assertEquals(50, settings.watch().policy().threshold());
        assertEquals(Duration.ofMinutes(10), settings.watch().policy().window());
        assertEquals(List.of("U02BOB", "W03CAROL"), settings.access().approveUsers());
        assertEquals(List.of("S0SRELEADS"), settings.access().approveGroups());
        assertFalse(settings.access().fourEyes());
        assertEquals(List.of("upstream", "backend"), settings.alerts().upstreamLabels());
    }

    @Test
    void the_environment_overrides_the_file() {
        MedicSettings settings = MedicSettings.load(Optional.of(FIXTURES.resolve("full.yaml")), Map.of(
                "MEDIC_PORT", "7000", "SLACK_APP_TOKEN", "xapp-1-A1-abc", "MEDIC_APPROVE_USERS", "U09ZED, U08YAN",
                "MEDIC_WATCH_ENABLED", "false", "MEDIC_WATCH_INTERVAL", "500ms"));
        assertEquals(7000, settings.http().port());
        assertTrue(settings.slack().orElseThrow().socketMode());
        assertEquals(List.of("U09ZED", "U08YAN"), settings.access().approveUsers());
        assertFalse(settings.watch().enabled());
        assertEquals(Duration.ofMillis(500), settings.watch().interval());
    }

    @Test
    void an_unusable_environment_value_is_named_in_one_line() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> MedicSettings.load(Optional.empty(), Map.of("MEDIC_PORT", "eighty")));
        assertEquals("environment variable MEDIC_PORT (server.port): expected a whole number, found \"eighty\"",
                e.getMessage());
    }

    @Test
    void a_missing_settings_file_is_one_line_naming_it() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> MedicSettings.load(Optional.of(Path.of("/nonexistent/medic.yaml")), TOKEN));
        assertEquals("settings file /nonexistent/medic.yaml (--config or MEDIC_CONFIG) does not exist; check the path",
                e.getMessage());
    }

    @Test
    void secrets_never_print() {
        MedicSettings settings = MedicSettings.load(Optional.of(FIXTURES.resolve("full.yaml")),
                Map.of("MEDIC_DB_PASSWORD", "pg-password-1", "SLACK_APP_TOKEN", "xapp-1-A1-abc"));
        String printed = settings.toString() + SettingsLoader.load(Optional.of(FIXTURES.resolve("full.yaml")),
                Map.of("MEDIC_DB_PASSWORD", "pg-password-1"));
        for (String secret : List.of("pg-password-1", "xapp-1-A1-abc", "xoxb-1-2-abc", "0123456789abcdef0123",
                "8f742231b10e8888abcd99yyyzzz85a5")) {
            assertFalse(printed.contains(secret), () -> secret + " printed in " + printed);
        }
        assertTrue(printed.contains("bind=127.0.0.1"), printed);
    }

    @Test
    void a_secret_in_an_unusable_environment_value_is_not_echoed() {
        SettingsException e = assertThrows(SettingsException.class, () -> MedicSettings.load(Optional.empty(),
                Map.of("MEDIC_WEBHOOK_TOKEN", "0123456789abcdef0123", "SLACK_BOT_TOKEN", "xoxp-secret-user-token")));
        assertFalse(e.getMessage().contains("xoxp-secret"), e.getMessage());
        assertTrue(e.getMessage().startsWith("setting slack.bot_token (SLACK_BOT_TOKEN), set in SLACK_BOT_TOKEN:"),
                e.getMessage());
    }

    static Stream<Path> invalidFiles() throws IOException {
        return Files.list(FIXTURES.resolve("invalid")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void an_invalid_settings_file_is_refused_with_the_expected_line(Path file) throws IOException {
        String text = Files.readString(file);
        String expected = text.lines().findFirst().orElseThrow().replaceFirst("^# expect: ", "");
        MedicException e = assertThrows(MedicException.class, () -> SettingsChecks.check(
                SettingsLoader.fromFile(SettingValues.defaults(), text, file.getFileName().toString())));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith(expected), () -> "expected: " + expected + "\nbut was:  " + e.getMessage());
    }
}
