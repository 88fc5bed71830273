package medic.slack.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import medic.MedicException;
import medic.slack.ActionValue;

/**
 * Medic's operations as the test wants them: every call is recorded as one line ("approve 42 by U0DAVE"),
 * a requester can be set for four-eyes, and the work can be held until the test releases it (a slow
 * diagnosis) or made to fail.
 */
public final class FakeOperations implements MedicOperations {

    public final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile String requester;
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private volatile RuntimeException failure;

    public FakeOperations requestedBy(String userId) {
        this.requester = userId;
        return this;
    }

    /** Operations block until {@link #release()} (they give up after 10 s). */
    public FakeOperations slow() {
        hold = new CountDownLatch(1);
        return this;
    }

    public void release() {
        hold.countDown();
    }

    public FakeOperations failingWith(RuntimeException failure) {
        this.failure = failure;
        return this;
    }

    @Override
    public Outcome diagnose(String host, Caller caller) {
        work("diagnose " + host + " by " + caller.userId() + " in " + caller.channelId());
        return Outcome.done("<@" + caller.userId() + "> asked for a diagnosis of " + host + ": incident #42");
    }

    @Override
    public List<IncidentStatus> status() {
        work("status");
        return List.of(new IncidentStatus(42, "web-1", "app_backend", "diagnosed",
                Instant.parse("2025-05-01T10:02:00Z")));
    }

    @Override
    public List<HistoryEntry> history(String host, int limit) {
        work("history " + host + " limit " + limit);
        return List.of(new HistoryEntry(Instant.parse("2025-05-01T10:05:00Z"), "W0DAVE", "applied",
                "change chg-7 on " + host));
    }

    @Override
    public Outcome rollback(String changeId, Caller caller) {
        work("rollback " + changeId + " by " + caller.userId());
        return changeId.equals("chg-404") ? Outcome.refused("there is no change chg-404")
                : Outcome.done("Rolled back " + changeId);
    }

    @Override
    public Optional<String> requesterOf(ActionValue value) {
        return Optional.ofNullable(requester);
    }

    @Override
    public Outcome approve(ActionValue value, Caller approver) {
        work("approve " + value.incidentId() + " by " + approver.userId());
        return Outcome.done("Applying incident #" + value.incidentId() + "'s proposal");
    }

    @Override
    public Outcome reject(ActionValue value, Caller caller, String reason) {
        work("reject " + value.incidentId() + " by " + caller.userId() + ": " + reason);
        return Outcome.done("Rejected incident #" + value.incidentId() + "'s proposal");
    }

    @Override
    public Outcome rerun(ActionValue value, Caller caller) {
        work("rerun " + value.incidentId() + " by " + caller.userId());
        return Outcome.done("Diagnosing incident #" + value.incidentId() + " again");
    }

    @Override
    public Outcome snooze(ActionValue value, Caller caller, Duration duration) {
        work("snooze " + value.incidentId() + " by " + caller.userId() + " for " + duration);
        return Outcome.done("Snoozed incident #" + value.incidentId());
    }

    @Override
    public Outcome rollback(ActionValue value, Caller caller) {
        work("rollback " + value.incidentId() + " by " + caller.userId());
        return Outcome.done("Rolling back incident #" + value.incidentId() + "'s change");
    }

    private void work(String call) {
        calls.add(call);
        try {
            if (!hold.await(10, TimeUnit.SECONDS)) {
                throw new MedicException("the test never released the slow operation");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MedicException("interrupted");
        }
        if (failure != null) {
            throw failure;
        }
    }
}
