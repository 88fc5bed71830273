package medic.slack.message;

/** A diff too long for the message: the caller uploads it into the incident's thread (Outbox.upload). */
public record DiffFile(String filename, String content, String comment) { }
