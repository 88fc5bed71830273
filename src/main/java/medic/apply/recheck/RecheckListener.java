package medic.apply.recheck;

/** Hears the outcome of an error-log recheck (the lead resolves or reopens the incident). */
@FunctionalInterface
public interface RecheckListener {

    void onRecheck(RecheckOutcome outcome);
}
