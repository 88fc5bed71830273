package medic.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.opentest4j.AssertionFailedError;

class ExternalToolPolicyTest {

    private static final Predicate<String> ONLY_NGINX_INSTALLED = Set.of("nginx")::contains;

    @RequiresProgram("nginx")
    static class NeedsNginx {
    }

    @RequiresProgram("nginx")
    @RequiresProgram(value = "sshd", aptPackage = "openssh-server")
    @RequiresProgram(value = "pg_ctlcluster", aptPackage = "postgresql")
    static class NeedsThreePrograms {
    }

    private static final ExternalToolPolicy LAPTOP = new ExternalToolPolicy(false);
    private static final ExternalToolPolicy CI = new ExternalToolPolicy(true);

    @Test
    void runs_the_test_when_every_program_is_installed() {
        ConditionEvaluationResult result = CI.evaluate(requirementsOn(NeedsNginx.class), ONLY_NGINX_INSTALLED);

        assertFalse(result.isDisabled());
    }

    @Test
    void skips_on_a_laptop_with_the_install_command_as_reason() {
        ConditionEvaluationResult result = LAPTOP.evaluate(requirementsOn(NeedsNginx.class), program -> false);

        assertTrue(result.isDisabled());
        assertEquals("nginx not installed: apt-get install -y nginx; CI fails on this skip",
                result.getReason().orElseThrow());
    }

    @Test
    void fails_under_ci_instead_of_skipping() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> CI.evaluate(requirementsOn(NeedsNginx.class), program -> false));

        assertEquals("nginx not installed: apt-get install -y nginx"
                + " (CI=true or -Dmedic.requireExternalTools=true turns this skip into a failure)", failure.getMessage());
    }

    @Test
    void names_only_the_missing_programs_and_their_packages() {
        ConditionEvaluationResult result = LAPTOP.evaluate(requirementsOn(NeedsThreePrograms.class),
                ONLY_NGINX_INSTALLED);

        assertEquals("sshd, pg_ctlcluster not installed: apt-get install -y openssh-server postgresql;"
                + " CI fails on this skip", result.getReason().orElseThrow());
    }

    @Test
    void runs_the_test_when_the_service_answers() {
        ConditionEvaluationResult result = CI.evaluateService("PostgreSQL at jdbc:postgresql://127.0.0.1:5432/medic",
                Optional.empty(), "start it");

        assertFalse(result.isDisabled());
    }

    @Test
    void skips_on_a_laptop_when_the_service_does_not_answer_and_says_how_to_provide_it() {
        ConditionEvaluationResult result = LAPTOP.evaluateService("PostgreSQL at jdbc:postgresql://127.0.0.1:5432/medic",
                Optional.of("Connection refused"), "apt-get install -y postgresql");

        assertTrue(result.isDisabled());
        assertEquals("PostgreSQL at jdbc:postgresql://127.0.0.1:5432/medic not reachable (Connection refused):"
                + " apt-get install -y postgresql; CI fails on this skip", result.getReason().orElseThrow());
    }

    @Test
    void fails_under_ci_when_the_service_does_not_answer() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> CI.evaluateService(
                "PostgreSQL at jdbc:postgresql://127.0.0.1:5432/medic", Optional.of("Connection refused"), "start it"));

        assertEquals("PostgreSQL at jdbc:postgresql://127.0.0.1:5432/medic not reachable (Connection refused): start it"
                + " (CI=true or -Dmedic.requireExternalTools=true turns this skip into a failure)", failure.getMessage());
    }

    @Test
    void is_required_when_the_ci_variable_is_true() {
        assertTrue(ExternalToolPolicy.from(Map.of("CI", "true"), new Properties()).required());
        assertTrue(ExternalToolPolicy.from(Map.of("CI", "TRUE"), new Properties()).required());
    }

    @Test
    void is_required_when_the_system_property_is_true() {
        Properties properties = new Properties();
        properties.setProperty("medic.requireExternalTools", "true");

        assertTrue(ExternalToolPolicy.from(Map.of(), properties).required());
    }

    @Test
    void is_optional_without_ci_or_with_the_pom_default() {
        Properties pomDefault = new Properties();
        pomDefault.setProperty("medic.requireExternalTools", "false");

        assertFalse(ExternalToolPolicy.from(Map.of(), new Properties()).required());
        assertFalse(ExternalToolPolicy.from(Map.of("CI", "false"), pomDefault).required());
    }

    @Test
    void the_extension_reads_repeated_annotations_in_declaration_order() {
        List<String> programs = requirementsOn(NeedsThreePrograms.class).stream().map(RequiresProgram::value).toList();

        assertEquals(List.of("nginx", "sshd", "pg_ctlcluster"), programs);
    }

    private static List<RequiresProgram> requirementsOn(Class<?> annotated) {
        return RequiresProgramExtension.requirementsOn(annotated);
    }
}
