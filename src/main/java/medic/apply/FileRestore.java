package medic.apply;

/**
 * What a restore found in one file and did with it, for the audit: a file still holding its backed-up content is
 * left alone; any other content (the change's own, or one nobody expected) is replaced by the backup.
 */
record FileRestore(String path, Found found, String foundSha256) {

    /** The content the restore found in the file. */
    enum Found {
        /** The backed-up content: the apply had not written the file yet, or a restore already had. */
        ORIGINAL,
        /** The content of the change. */
        NEW,
        /** Neither: someone else edited the file during the change. */
        OTHER
    }

    boolean restored() {
        return found != Found.ORIGINAL;
    }

    /** One line for the audit, e.g. {@code /etc/nginx/nginx.conf: held the new content; restored from the backup}. */
    String describe() {
        return path + ": " + switch (found) {
            case ORIGINAL -> "already had its backed-up content; left as it was";
            case NEW -> "held the new content; restored from the backup";
            case OTHER -> "held content neither backed up nor proposed (sha256 " + foundSha256.substring(0, 12)
                    + "); restored from the backup";
        };
    }
}
