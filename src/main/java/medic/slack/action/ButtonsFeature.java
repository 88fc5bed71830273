package medic.slack.action;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.response.Response;
import java.time.Duration;
import java.util.function.Supplier;
import medic.outbox.Outbox;
import medic.slack.ActionValue;
import medic.slack.SlackFeature;
import medic.slack.access.Decision;
import medic.slack.access.Permissions;
import medic.slack.claim.RequestKeys;
import medic.slack.command.Background;
import medic.slack.command.Caller;
import medic.slack.command.DuplicateGuard;
import medic.slack.command.MedicOperations;
import medic.slack.command.Outcome;
import medic.slack.command.Replies;
import medic.slack.command.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Medic's buttons (block_actions): read the value strictly, drop retries and double clicks, acknowledge at
 * once, and let {@link Background} check who clicked and do the work. Reject first asks why, in a dialog
 * ({@link RejectSubmission} handles its answer).
 */
public final class ButtonsFeature implements SlackFeature {

    private static final Logger log = LoggerFactory.getLogger(ButtonsFeature.class);

    private final Permissions permissions;
    private final MedicOperations operations;
    private final Replies replies;
    private final Outbox outbox;
    private final Background background;
    private final DuplicateGuard duplicates;
    private final Duration snooze;
    private final RejectSubmission reject;

    /** @param snooze how long the Snooze button silences an incident (e.g. one hour) */
    public ButtonsFeature(Permissions permissions, MedicOperations operations, Replies replies, Outbox outbox,
                          Background background, DuplicateGuard duplicates, Duration snooze) {
        if (snooze.isNegative() || snooze.isZero()) {
            throw new IllegalArgumentException("slack.snooze must be positive, got " + snooze);
        }
        this.permissions = permissions;
        this.operations = operations;
        this.replies = replies;
        this.outbox = outbox;
        this.background = background;
        this.duplicates = duplicates;
        this.snooze = snooze;
        this.reject = new RejectSubmission(permissions, operations, replies, outbox, background, duplicates);
    }

    @Override
    public void install(App app) {
        for (Button button : Button.values()) {
            app.blockAction(button.actionId, (request, context) -> click(button, request.getPayload(), context));
        }
        reject.install(app);
    }

    private Response click(Button button, BlockActionPayload payload, ActionContext context) {
        BlockActionPayload.Action action = payload.getActions().stream()
                .filter(candidate -> button.actionId.equals(candidate.getActionId())).findFirst().orElseThrow();
        String channelId = payload.getChannel() == null ? null : payload.getChannel().getId();
        Caller caller = new Caller(payload.getUser().getId(), channelId, payload.getResponseUrl());
        ActionValue value;
        try {
            value = ButtonValues.decode(button, action.getValue());
        } catch (IllegalArgumentException e) {
            log.warn("{} clicked {} with a value medic did not write: {}", caller.userId(), button.actionId,
                    e.getMessage());
            outbox.respond(caller.responseUrl(), replies.foreignButton(e.getMessage()), true);
            return context.ack();
        }
        String request = button.verb + " incident " + value.incidentId();
        // Reject only opens a dialog: a second click after Cancel must open it again (its submission is guarded).
        String click = "click:" + caller.userId() + ":" + button.actionId + ":" + value.encode()
                + (button == Button.REJECT ? ":" + action.getActionTs() : "");
        DuplicateGuard.Sighting sighting =
                duplicates.see(RequestKeys.click(action.getActionTs(), payload.getTriggerId()), click);
        if (sighting != DuplicateGuard.Sighting.NEW) {
            log.info("dropped a repeated {} click by {} on incident {} ({})", button.verb, caller.userId(),
                    value.incidentId(), sighting);
            if (sighting == DuplicateGuard.Sighting.REPEAT) {
                outbox.respond(caller.responseUrl(), replies.repeated(request, duplicates.sameRequestWindow()), true);
            }
            return context.ack();
        }
        if (button == Button.REJECT) {
            reject.openDialog(context, new RejectRequest(value, channelId, caller.responseUrl()));
            return context.ack();
        }
        if (!background.submit(request, button.permission, caller, permission(button, value, caller),
                () -> Reply.ephemeral(replies.outcome(request, work(button, value, caller))))) {
            outbox.respond(caller.responseUrl(), replies.busy(request), true);
        }
        return context.ack();
    }

    private Supplier<Decision> permission(Button button, ActionValue value, Caller caller) {
        if (button.fourEyes) {
            return () -> permissions.checkApproval(caller.userId(), caller.channelId(), operations.requesterOf(value));
        }
        return () -> permissions.check(button.permission, caller.userId(), caller.channelId());
    }

    private Outcome work(Button button, ActionValue value, Caller caller) {
        switch (button) {
            case APPROVE:
                return operations.approve(value, caller);
            case RERUN:
                return operations.rerun(value, caller);
            case SNOOZE:
                return operations.snooze(value, caller, snooze);
            case ROLLBACK:
                return operations.rollback(value, caller);
            default:
                throw new IllegalStateException("no work for " + button + " here; Reject goes through its dialog");
        }
    }
}
