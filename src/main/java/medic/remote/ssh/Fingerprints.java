package medic.remote.ssh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;

import net.schmizz.sshj.common.Buffer;

/** Public-key fingerprints as OpenSSH prints them ({@code ssh-keygen -lf}), for messages people compare. */
final class Fingerprints {

    private Fingerprints() {
    }

    /** {@code SHA256:} and the unpadded base64 of the SHA-256 of the key's SSH wire encoding. */
    static String sha256(PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256", e);
        }
    }
}
