package medic.incident;

/**
 * What one webhook delivery changed: {@code newOccurrences} alert occurrences stored for the first time,
 * {@code resolutions} firing occurrences now resolved, {@code duplicates} alerts already known as they are.
 */
public record IntakeResult(int alerts, int newOccurrences, int resolutions, int duplicates) {
}
