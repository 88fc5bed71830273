package medic.slack.action;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import medic.outbox.Outbox;
import medic.slack.access.Action;
import medic.slack.access.Permissions;
import medic.slack.claim.RequestKeys;
import medic.slack.command.Background;
import medic.slack.command.Caller;
import medic.slack.command.DuplicateGuard;
import medic.slack.command.MedicOperations;
import medic.slack.command.Replies;
import medic.slack.command.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Reject button's second half: the dialog opened with the click's trigger_id (valid for 3 s, so it opens
 * before the click is acknowledged) and its view_submission, which checks the reason, closes the dialog at once
 * and rejects on the executor. Rejecting needs the approve permission, not a second person.
 */
final class RejectSubmission {

    private static final Logger log = LoggerFactory.getLogger(RejectSubmission.class);

    private final Permissions permissions;
    private final MedicOperations operations;
    private final Replies replies;
    private final Outbox outbox;
    private final Background background;
    private final DuplicateGuard duplicates;

    RejectSubmission(Permissions permissions, MedicOperations operations, Replies replies, Outbox outbox,
                     Background background, DuplicateGuard duplicates) {
        this.permissions = permissions;
        this.operations = operations;
        this.replies = replies;
        this.outbox = outbox;
        this.background = background;
        this.duplicates = duplicates;
    }

    void install(App app) {
        app.viewSubmission(RejectDialog.CALLBACK_ID, (request, context) -> submit(request.getPayload(), context));
    }

    void openDialog(ActionContext context, RejectRequest request) {
        String problem;
        try {
            ViewsOpenResponse opened = context.client().viewsOpen(open -> open.triggerId(context.getTriggerId())
                    .view(RejectDialog.view(request)));
            problem = opened.isOk() ? null : "Slack said " + opened.getError();
        } catch (IOException | SlackApiException e) {
            problem = "Slack could not be reached: " + e.getMessage();
        }
        if (problem != null) {
            log.warn("could not open the reject dialog for incident {}: {}", request.value().incidentId(), problem);
            outbox.respond(request.responseUrl(), replies.failed("reject incident " + request.value().incidentId(),
                    "the dialog asking why could not open (" + problem + "); click Reject again"), true);
        }
    }

    private Response submit(ViewSubmissionPayload payload, ViewSubmissionContext context) {
        RejectRequest request;
        try {
            request = RejectRequest.fromMetadata(payload.getView().getPrivateMetadata());
        } catch (IllegalArgumentException e) {
            log.warn("{} submitted a reject dialog medic did not open: {}", payload.getUser().getId(), e.getMessage());
            return context.ack();
        }
        Optional<String> reason = RejectDialog.reason(payload.getView());
        if (reason.isEmpty()) {
            return context.ackWithErrors(Map.of(RejectDialog.REASON_BLOCK,
                    "Say why, so the next person knows what to do instead."));
        }
        Caller caller = new Caller(payload.getUser().getId(), request.channelId(), request.responseUrl());
        String what = "reject incident " + request.value().incidentId();
        if (!duplicates.firstTime(RequestKeys.viewSubmission(payload.getView().getId(), payload.getView().getHash()),
                "submit:" + caller.userId() + ":reject:" + request.value().encode())) {
            return context.ack();
        }
        if (!background.submit(what, Action.APPROVE, caller,
                () -> permissions.check(Action.APPROVE, caller.userId(), caller.channelId()),
                () -> Reply.ephemeral(replies.outcome(what,
                        operations.reject(request.value(), caller, reason.get()))))) {
            outbox.respond(caller.responseUrl(), replies.busy(what), true);
        }
        return context.ack();
    }
}
