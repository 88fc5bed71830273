package medic.runbook;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of runbook step. Only {@code command} runs text the runbook author wrote; the others are built
 * into medic with fixed commands, and medic alone decides whether they change the host (none of today's do).
 */
public enum StepKind {
    COMMAND(Duration.ofSeconds(30), Duration.ofHours(1), true),
    NGINX_VERSION(Duration.ofSeconds(10), Duration.ofHours(1), true),
    NGINX_DUMP(Duration.ofSeconds(60), Duration.ofHours(1), true),
    NGINX_TEST(Duration.ofSeconds(60), Duration.ofHours(1), true),
    ERROR_LOG(Duration.ofSeconds(60), Duration.ofHours(1), true),
    DIAGNOSE(Duration.ofSeconds(60), Duration.ofHours(1), false),
    PROPOSE(Duration.ofSeconds(60), Duration.ofHours(1), false),
    /** The timeout of a gate is how long a run may wait for approval before it expires. */
    APPROVAL_GATE(Duration.ofHours(1), Duration.ofDays(7), false);

    private final Duration defaultTimeout;
    private final Duration maxTimeout;
    private final boolean runsOnHost;

    StepKind(Duration defaultTimeout, Duration maxTimeout, boolean runsOnHost) {
        this.defaultTimeout = defaultTimeout;
        this.maxTimeout = maxTimeout;
        this.runsOnHost = runsOnHost;
    }

    /** The spelling in runbook files, e.g. {@code nginx_dump}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    public Duration maxTimeout() {
        return maxTimeout;
    }

    /** True when the step runs a command on the nginx host; false when medic does the work itself. */
    public boolean runsOnHost() {
        return runsOnHost;
    }

    public static Optional<StepKind> fromYaml(String name) {
        return Arrays.stream(values()).filter(k -> k.yamlName().equals(name)).findFirst();
    }

    public static List<String> yamlNames() {
        return Arrays.stream(values()).map(StepKind::yamlName).toList();
    }
}
