package medic.console;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import medic.slack.ActionValue;
import medic.slack.Actions;
import medic.slack.access.Action;
import medic.slack.access.Decision;
import medic.slack.access.Permissions;
import medic.slack.command.Background;
import medic.slack.command.Caller;
import medic.slack.command.MedicOperations;
import medic.slack.command.Outcome;
import medic.slack.command.Replies;
import medic.slack.command.Reply;

/**
 * A button clicked in the console, handled as a Slack click is: the value read strictly, then on medic's workers
 * the same permission check (four eyes for Approve) and the same operation; the answer comes back through the
 * outbox to {@link ConsoleSlack#answers}. Reject needs Slack's dialog for its reason and is not offered here.
 */
public final class ConsoleClicks {

    private record Button(Action permission, boolean fourEyes, boolean needsHash, String verb) {
    }

    private static final Map<String, Button> BUTTONS = Map.of(
            Actions.APPROVE, new Button(Action.APPROVE, true, true, "approve"),
            Actions.ROLLBACK, new Button(Action.APPROVE, false, true, "roll back"),
            Actions.RERUN, new Button(Action.DIAGNOSE, false, false, "re-run"),
            Actions.SNOOZE, new Button(Action.DIAGNOSE, false, false, "snooze"));

    private final ConsoleSettings settings;
    private final Permissions permissions;
    private final MedicOperations operations;
    private final Background background;
    private final Replies replies;
    private final Duration snooze;

    public ConsoleClicks(ConsoleSettings settings, Permissions permissions, MedicOperations operations,
                         Background background, Replies replies, Duration snooze) {
        this.settings = settings;
        this.permissions = permissions;
        this.operations = operations;
        this.background = background;
        this.replies = replies;
        this.snooze = snooze;
    }

    /**
     * Queues the click and returns its id (to read the answers under).
     *
     * @throws ConsoleException when the action or its value is not one medic wrote, or medic is busy
     */
    public String click(String actionId, String rawValue) {
        Button button = BUTTONS.get(actionId);
        if (button == null) {
            throw new ConsoleException("the console has no button \"" + actionId + "\"; it offers "
                    + String.join(", ", new java.util.TreeSet<>(BUTTONS.keySet())));
        }
        ActionValue value;
        try {
            value = ActionValue.decode(rawValue);
        } catch (IllegalArgumentException e) {
            throw new ConsoleException(e.getMessage());
        }
        if (button.needsHash() && value.proposalSha256() == null) {
            throw new ConsoleException("the " + button.verb() + " button must name the exact proposal or change");
        }
        String clickId = UUID.randomUUID().toString();
        Caller caller = new Caller(settings.userId(), settings.channel(), ConsoleSlack.RESPONSE_URL_PREFIX + clickId);
        String request = button.verb() + " incident " + value.incidentId();
        if (!background.submit(request, button.permission(), caller, permission(button, value, caller),
                () -> Reply.ephemeral(replies.outcome(request, work(actionId, value, caller))))) {
            throw new ConsoleException("medic is busy with other requests; try " + request + " again in a moment");
        }
        return clickId;
    }

    private Supplier<Decision> permission(Button button, ActionValue value, Caller caller) {
        if (button.fourEyes()) {
            return () -> permissions.checkApproval(caller.userId(), caller.channelId(), operations.requesterOf(value));
        }
        return () -> permissions.check(button.permission(), caller.userId(), caller.channelId());
    }

    private Outcome work(String actionId, ActionValue value, Caller caller) {
        return switch (actionId) {
            case Actions.APPROVE -> operations.approve(value, caller);
            case Actions.ROLLBACK -> operations.rollback(value, caller);
            case Actions.RERUN -> operations.rerun(value, caller);
            case Actions.SNOOZE -> operations.snooze(value, caller, snooze);
            default -> throw new IllegalStateException("no console work for " + actionId);
        };
    }
}
