package medic.remote;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The temporary name an atomic write uses: {@code <dir>/.<name>.medic-<random>.tmp}, in the target's own
 * directory so the final rename stays on one filesystem (and therefore is atomic).
 */
public record TemporarySibling(String directory, String name, String temporaryPath) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh temporary name beside the absolute POSIX path {@code target}. */
    public static TemporarySibling of(String target) {
        int slash = target.lastIndexOf('/');
        if (!target.startsWith("/") || slash == target.length() - 1) {
            throw new IllegalArgumentException("an atomic write needs an absolute file path such as "
                    + "/etc/nginx/nginx.conf, not \"" + target + "\"");
        }
        String directory = slash == 0 ? "/" : target.substring(0, slash);
        String name = target.substring(slash + 1);
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        String temporary = (slash == 0 ? "" : directory) + "/." + name + ".medic-" + HexFormat.of().formatHex(random)
                + ".tmp";
        return new TemporarySibling(directory, name, temporary);
    }
}
