package medic.apply;

/** A file's content before a change: kept in the database and as a copy beside the file on the host. */
public record Backup(String path, String hostCopy, String sha256, byte[] content) {
    public Backup {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
