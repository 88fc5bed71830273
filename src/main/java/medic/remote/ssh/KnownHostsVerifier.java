package medic.remote.ssh;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PublicKey;

import medic.remote.RemoteException;
import medic.remote.RemoteException.Cause;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * Checks a server's host key against an OpenSSH known_hosts file and remembers why it refused one, so the
 * error can say unknown or changed and show the offered key's SHA256 fingerprint.
 */
final class KnownHostsVerifier extends OpenSSHKnownHosts {

    private enum Refusal { UNKNOWN, CHANGED }

    private final SshTarget target;
    private volatile Refusal refusal;
    private volatile PublicKey offered;

    private KnownHostsVerifier(SshTarget target, String knownHosts) throws IOException {
        super(new StringReader(knownHosts));
        this.target = target;
    }

    static KnownHostsVerifier forTarget(SshTarget target) {
        try {
            // A known_hosts file that does not exist yet is empty: the refusal then explains how to fill it.
            String knownHosts = Files.exists(target.knownHostsFile())
                    ? Files.readString(target.knownHostsFile(), StandardCharsets.UTF_8) : "";
            return new KnownHostsVerifier(target, knownHosts);
        } catch (IOException e) {
            throw new RemoteException(target.name(), "connect", Cause.CONFIG, "cannot read known_hosts file "
                    + target.knownHostsFile() + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
        refusal = Refusal.UNKNOWN;
        offered = key;
        return false;
    }

    @Override
    protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
        refusal = Refusal.CHANGED;
        offered = key;
        return false;
    }

    /** Whether this verifier refused the key during the last handshake. */
    boolean refused() {
        return refusal != null;
    }

    /** The error for the refused key: which host, which fingerprint, what a person should do. */
    RemoteException refusalError(Throwable source) {
        String lookup = knownHostsName(target);
        String fingerprint = KeyType.fromKey(offered) + " " + Fingerprints.sha256(offered);
        String scan = "ssh-keyscan" + (target.port() == 22 ? "" : " -p " + target.port()) + " " + target.address()
                + " >> " + target.knownHostsFile();
        if (refusal == Refusal.CHANGED) {
            return new RemoteException(target.name(), "connect", Cause.HOST_KEY_CHANGED, "host key of " + lookup
                    + " differs from the one in " + target.knownHostsFile() + "; offered " + fingerprint
                    + ". Someone may be intercepting the connection, or the host was reinstalled: compare the"
                    + " fingerprint with the host's own (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on its console)"
                    + " and only then replace the line: ssh-keygen -R '" + lookup + "' -f " + target.knownHostsFile()
                    + " && " + scan, source);
        }
        return new RemoteException(target.name(), "connect", Cause.HOST_KEY_UNKNOWN, "host key of " + lookup
                + " is not in " + target.knownHostsFile() + "; offered " + fingerprint + ". Check the fingerprint"
                + " out of band (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the host's console), then add it: "
                + scan, source);
    }

    /** The name a known_hosts line uses for the target: {@code address}, or {@code [address]:port} off port 22. */
    static String knownHostsName(SshTarget target) {
        return target.port() == 22 ? target.address() : "[" + target.address() + "]:" + target.port();
    }
}
