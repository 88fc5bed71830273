package medic.remote;

/** The {@link RemoteHost} contract for commands and files on the machine medic runs on. */
class LocalHostTest extends RemoteHostContract {

    @Override
    protected RemoteHost newHost(int outputCapBytes) {
        return new LocalHost(hostName(), outputCapBytes);
    }

    @Override
    protected String hostName() {
        return "local";
    }
}
