package medic.remote;

import medic.MedicException;

/**
 * A remote step that failed: which host, which step, why, and whether trying again may help
 * (unreachable or timed out: yes; host key refused or authentication failed: no, a person must act).
 */
public final class RemoteException extends MedicException {
    /** Why a remote step failed; decides whether a retry can help. */
    public enum Cause {
        UNREACHABLE(true), TIMEOUT(true), HOST_KEY_UNKNOWN(false), HOST_KEY_CHANGED(false), AUTH_FAILED(false),
        COMMAND_FAILED(false), TRANSFER_FAILED(true), OUTPUT_TOO_LARGE(false), CONFIG(false);

        private final boolean transient_;

        Cause(boolean transient_) {
            this.transient_ = transient_;
        }

        public boolean isTransient() {
            return transient_;
        }
    }

    private final String host;
    private final String step;
    private final Cause cause;

    public RemoteException(String host, String step, Cause cause, String detail, Throwable source) {
        super(host + ": " + step + ": " + detail, source);
        this.host = host;
        this.step = step;
        this.cause = cause;
    }

    public String host() {
        return host;
    }

    public String step() {
        return step;
    }

    public Cause reason() {
        return cause;
    }
}
