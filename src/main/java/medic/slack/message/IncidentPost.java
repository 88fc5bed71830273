package medic.slack.message;

import java.util.Optional;
import medic.slack.SlackMessage;

/**
 * The parent message of an incident and, when the proposed diff was too long to show inline, the file to
 * upload into its thread (once, with the first post; later updates show the same summary).
 */
public record IncidentPost(SlackMessage message, Optional<DiffFile> diffFile) { }
