package medic.slack.command;

/**
 * What an operation did, in one sentence for the person who asked: {@code done} when medic acted (or started
 * to), false when it refused (expired approval, already applied, circuit breaker open, no such change...).
 */
public record Outcome(boolean done, String summary) {

    public static Outcome done(String summary) {
        return new Outcome(true, summary);
    }

    public static Outcome refused(String summary) {
        return new Outcome(false, summary);
    }
}
