package medic.apply;

import java.util.Arrays;

/**
 * One file of a sealed proposal: its absolute path on the host, the hash of the content the proposal was made
 * from (the apply refuses when the file no longer has it), and the new content with its hash.
 */
public record SealedFile(String path, String beforeSha256, String afterSha256, byte[] after) {
    public SealedFile {
        after = after.clone();
        if (!afterSha256.equals(Sha256.of(after))) {
            throw new IllegalArgumentException("the new content of " + path + " does not match its sealed hash");
        }
    }

    @Override
    public byte[] after() {
        return after.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedFile file && path.equals(file.path) && beforeSha256.equals(file.beforeSha256)
                && afterSha256.equals(file.afterSha256) && Arrays.equals(after, file.after);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + afterSha256.hashCode();
    }

    @Override
    public String toString() {
        return "SealedFile[" + path + " " + beforeSha256.substring(0, 12) + " -> " + afterSha256.substring(0, 12) + "]";
    }
}
