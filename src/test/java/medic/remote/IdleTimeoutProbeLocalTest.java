package medic.remote;

/** The idle-timeout probe when medic runs on the nginx host: plain sockets. */
class IdleTimeoutProbeLocalTest extends IdleTimeoutProbeContract {
    @Override
    protected RemoteHost newHost() {
        return new LocalHost("edge-local");
    }
}
