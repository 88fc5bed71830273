package medic.store;

/** What came of asking to start (or resume) a run: it runs now, or the host is busy with another mutating run. */
public sealed interface RunStart {

    /** The run is RUNNING and, when mutating, holds its host's lock. */
    record Started(Run run) implements RunStart {
    }

    /** Another mutating run ({@code heldByRunId}) runs on the host; the run keeps its status. */
    record HostBusy(long runId, String host, long heldByRunId) implements RunStart {
    }
}
