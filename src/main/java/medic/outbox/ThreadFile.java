package medic.outbox;

import java.util.Objects;

/** A file to upload into a conversation's thread (a long diff), with the comment shown above it. */
public record ThreadFile(String filename, String content, String comment) {
    public ThreadFile {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(content, "content");
    }
}
