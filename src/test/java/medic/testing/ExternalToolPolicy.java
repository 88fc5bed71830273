package medic.testing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.opentest4j.AssertionFailedError;

/**
 * Decides what a test needing installed programs (or a running service such as PostgreSQL) does: run when all are
 * present; when some are missing, skip with the install command on a laptop, but fail under CI so a missing
 * package cannot pass as green.
 *
 * @param required true under CI ({@code CI=true}) or with {@code -Dmedic.requireExternalTools=true}
 */
public record ExternalToolPolicy(boolean required) {

    /** System property the pom passes to surefire; {@code -Dmedic.requireExternalTools=true} forces CI mode. */
    public static final String REQUIRE_PROPERTY = "medic.requireExternalTools";

    /** The policy of this JVM: environment variable {@code CI} and the system property. */
    public static ExternalToolPolicy current() {
        return from(System.getenv(), System.getProperties());
    }

    static ExternalToolPolicy from(Map<String, String> environment, Properties properties) {
        boolean ci = "true".equalsIgnoreCase(environment.getOrDefault("CI", "").trim());
        boolean forced = "true".equalsIgnoreCase(properties.getProperty(REQUIRE_PROPERTY, "").trim());
        return new ExternalToolPolicy(ci || forced);
    }

    /**
     * Enabled when every required program is installed; otherwise disabled with a reason naming the
     * install command, or, when required, an {@link AssertionFailedError} that fails the test.
     */
    public ConditionEvaluationResult evaluate(List<RequiresProgram> requirements, Predicate<String> installed) {
        Set<String> missingPrograms = new LinkedHashSet<>();
        Set<String> packages = new LinkedHashSet<>();
        for (RequiresProgram requirement : requirements) {
            if (!installed.test(requirement.value())) {
                missingPrograms.add(requirement.value());
                packages.add(requirement.aptPackage().isEmpty() ? requirement.value() : requirement.aptPackage());
            }
        }
        if (missingPrograms.isEmpty()) {
            return ConditionEvaluationResult.enabled("installed: " + String.join(", ", names(requirements)));
        }
        String missing = String.join(", ", missingPrograms) + " not installed: apt-get install -y "
                + String.join(" ", packages);
        if (required) {
            throw new AssertionFailedError(missing + " (CI=true or -D" + REQUIRE_PROPERTY
                    + "=true turns this skip into a failure)");
        }
        return ConditionEvaluationResult.disabled(missing + "; CI fails on this skip");
    }

    /**
     * Enabled when a service the test needs answers ({@code problem} empty); otherwise disabled with the problem
     * and the fix, or, when required, an {@link AssertionFailedError} that fails the test.
     *
     * @param service what did not answer, e.g. {@code "PostgreSQL at jdbc:postgresql://127.0.0.1:5432/medic"}
     * @param fix     how to provide it, e.g. the install and start commands
     */
    public ConditionEvaluationResult evaluateService(String service, Optional<String> problem, String fix) {
        if (problem.isEmpty()) {
            return ConditionEvaluationResult.enabled("reachable: " + service);
        }
        String unreachable = service + " not reachable (" + problem.get() + "): " + fix;
        if (required) {
            throw new AssertionFailedError(unreachable + " (CI=true or -D" + REQUIRE_PROPERTY
                    + "=true turns this skip into a failure)");
        }
        return ConditionEvaluationResult.disabled(unreachable + "; CI fails on this skip");
    }

    private static List<String> names(List<RequiresProgram> requirements) {
        return requirements.stream().map(RequiresProgram::value).distinct().toList();
    }
}
