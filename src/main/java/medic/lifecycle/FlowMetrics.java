package medic.lifecycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import medic.runbook.run.StepResult;

/**
 * What the incident flow counts on /metrics: incidents opened by where they came from
 * ({@code medic_incidents_opened_total{source}}) and runbook steps run on hosts and in process, by kind and outcome
 * ({@code medic_runbook_steps_seconds{kind,status}}).
 */
final class FlowMetrics {
    private final MeterRegistry registry;

    FlowMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void opened(String source) {
        Counter.builder("medic.incidents.opened").description("incidents opened, by what opened them")
                .tag("source", source == null ? "unknown" : source).register(registry).increment();
    }

    void step(StepResult step) {
        Timer.builder("medic.runbook.steps").description("runbook steps, by kind and outcome")
                .tag("kind", step.kind().yamlName()).tag("status", step.status().name().toLowerCase())
                .register(registry).record(step.elapsed());
    }
}
