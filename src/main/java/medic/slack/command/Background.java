package medic.slack.command;

import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import medic.MedicException;
import medic.outbox.Outbox;
import medic.slack.access.Action;
import medic.slack.access.Decision;
import medic.slack.access.Refusal;
import medic.slack.access.RefusalLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Slack requests do their work once acknowledged: on the executor, check the permission (which may ask
 * Slack for group members), record a refusal or do the work, and answer through the caller's response_url.
 * Failures are answered too, in words: a MedicException's message, or an error id to find in medic's log.
 */
public final class Background {

    private static final Logger log = LoggerFactory.getLogger(Background.class);

    private final Executor executor;
    private final Outbox outbox;
    private final Replies replies;
    private final RefusalLog refusals;

    public Background(Executor executor, Outbox outbox, Replies replies, RefusalLog refusals) {
        this.executor = executor;
        this.outbox = outbox;
        this.replies = replies;
        this.refusals = refusals;
    }

    /**
     * Queues the work and returns at once.
     *
     * @param request    what was asked, as people read it ({@code approve incident 42})
     * @param permission decides on the worker thread whether {@code caller} may; {@code action} names it
     * @return false when the executor refused the work (the caller then says medic is busy)
     */
    public boolean submit(String request, Action action, Caller caller, Supplier<Decision> permission,
                          Supplier<Reply> work) {
        try {
            executor.execute(() -> run(request, action, caller, permission, work));
            return true;
        } catch (RejectedExecutionException e) {
            log.warn("no worker free for {} by {}: {}", request, caller.userId(), e.getMessage());
            return false;
        }
    }

    private void run(String request, Action action, Caller caller, Supplier<Decision> permission,
                     Supplier<Reply> work) {
        Reply reply;
        try {
            Decision decision = permission.get();
            if (decision.allowed()) {
                log.info("{} by {} in {}: {}", request, caller.userId(), caller.channelId(), decision.reason());
                reply = work.get();
            } else {
                refusals.refused(new Refusal(action, request, caller.userId(), caller.channelId(),
                        decision.reason()));
                reply = Reply.ephemeral(replies.denied(request, decision));
            }
        } catch (MedicException e) {
            log.warn("{} by {} failed: {}", request, caller.userId(), e.getMessage(), e);
            reply = Reply.ephemeral(replies.failed(request, e.getMessage()));
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString().substring(0, 8);
            log.error("{} by {} failed (error {})", request, caller.userId(), errorId, e);
            reply = Reply.ephemeral(replies.failed(request, "an internal error (logged as error " + errorId
                    + "); try again, and tell medic's operators if it persists"));
        }
        try {
            outbox.respond(caller.responseUrl(), reply.message(), reply.ephemeral());
        } catch (RuntimeException e) {
            log.error("could not queue the answer to {} by {}", request, caller.userId(), e);
        }
    }
}
