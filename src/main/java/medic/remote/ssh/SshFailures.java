package medic.remote.ssh;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import medic.remote.RemoteException;
import medic.remote.RemoteException.Cause;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.common.SSHException;
import net.schmizz.sshj.connection.channel.OpenFailException;

/** Turns what SSHJ and the socket layer throw into errors that name the host, the step and the cause. */
final class SshFailures {

    private SshFailures() {
    }

    /** A failed connect or handshake: refused host key, or why the endpoint could not be reached. */
    static RemoteException connect(SshTarget target, KnownHostsVerifier verifier, IOException e) {
        if (verifier.refused() && e instanceof SSHException ssh
                && ssh.getDisconnectReason() == DisconnectReason.HOST_KEY_NOT_VERIFIABLE) {
            return verifier.refusalError(e);
        }
        return unreachable(target, "connect", e);
    }

    /**
     * The network or the SSH transport failed (SSHJ reports some dropped connections as IllegalStateException);
     * a later attempt may work.
     */
    static RemoteException unreachable(SshTarget target, String step, Exception e) {
        String endpoint = target.endpoint() + (target.jump() == null ? "" : " via " + target.jump().name());
        String detail;
        if (e instanceof UnknownHostException) {
            detail = "cannot resolve " + target.address() + " (DNS); check the address in the inventory";
        } else if (e instanceof ConnectException) {
            detail = "connection refused by " + endpoint + ": is sshd running and the port right?";
        } else if (e instanceof NoRouteToHostException) {
            detail = "no route to " + endpoint + " (host down or a firewall in between)";
        } else if (e instanceof SocketTimeoutException) {
            detail = "no answer from " + endpoint + " in time (host down, or packets dropped by a firewall)";
        } else if (e instanceof OpenFailException open) {
            detail = "jump host " + target.jump().name() + " could not open a connection to " + target.endpoint()
                    + ": " + open.getMessage();
        } else {
            detail = "SSH connection to " + endpoint + " failed: " + describe(e);
        }
        return new RemoteException(target.name(), step, Cause.UNREACHABLE, detail, e);
    }

    /** The exception's message, or its type when it has none. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
