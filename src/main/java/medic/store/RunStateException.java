package medic.store;

/** A run was asked to do something its status forbids, e.g. starting a run that already finished. */
public final class RunStateException extends StoreException {
    public RunStateException(String message) {
        super(message);
    }
}
