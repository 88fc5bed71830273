package medic.apply;

/** Hears every apply step as it happens (the Slack thread posts them); must not block for long. */
@FunctionalInterface
public interface StepListener {

    void onStep(StepReport report);

    StepListener NONE = report -> { };
}
