package medic.slack.command;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import java.util.Set;
import medic.slack.SlackFeature;
import medic.slack.SlackMessage;
import medic.slack.access.Action;
import medic.slack.access.Permissions;
import medic.slack.claim.RequestKeys;

/**
 * The {@code /medic} slash command: parse strictly and answer mistakes at once; otherwise acknowledge at once
 * and let {@link Background} check the permission, do the work and answer through the response_url.
 * Help needs no permission; status, history and diagnose need DIAGNOSE; rollback needs APPROVE in that channel.
 */
public final class SlashCommandFeature implements SlackFeature {

    private static final int HISTORY_LIMIT = 20;

    private final String command;
    private final CommandParser parser;
    private final Permissions permissions;
    private final MedicOperations operations;
    private final Replies replies;
    private final Background background;
    private final DuplicateGuard duplicates;

    /** @param command the slash command as registered with Slack, e.g. {@code /medic} */
    public SlashCommandFeature(String command, Set<String> inventoryHosts, Permissions permissions,
                               MedicOperations operations, Replies replies, Background background,
                               DuplicateGuard duplicates) {
        if (!command.matches("/[a-z0-9_-]{1,31}")) {
            throw new IllegalArgumentException("slack.command must look like /medic, got \"" + command + "\"");
        }
        this.command = command;
        this.parser = new CommandParser(inventoryHosts);
        this.permissions = permissions;
        this.operations = operations;
        this.replies = replies;
        this.background = background;
        this.duplicates = duplicates;
    }

    @Override
    public void install(App app) {
        app.command(command, (request, context) -> handle(request.getPayload(), request.getHeaders() == null ? null
                : request.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP), context));
    }

    /** @param requestTimestamp the X-Slack-Request-Timestamp header (absent in Socket Mode) */
    private Response handle(SlashCommandPayload payload, String requestTimestamp, SlashCommandContext context) {
        MedicCommand parsed = parser.parse(payload.getText());
        if (parsed instanceof MedicCommand.Help) {
            return context.ack(Acks.ephemeral(replies.help()));
        }
        if (parsed instanceof MedicCommand.Refused refused) {
            return context.ack(Acks.ephemeral(refusal(refused)));
        }
        String request = parsed.request();
        Caller caller = new Caller(payload.getUserId(), payload.getChannelId(), payload.getResponseUrl());
        DuplicateGuard.Sighting sighting = duplicates.see(RequestKeys.slashCommand(payload.getTriggerId(),
                payload.getTeamId(), caller.userId(), payload.getCommand(), payload.getText(), requestTimestamp),
                "command:" + caller.userId() + ":" + caller.channelId() + ":" + request);
        if (sighting == DuplicateGuard.Sighting.RETRY) {
            return context.ack();
        }
        if (sighting == DuplicateGuard.Sighting.REPEAT) {
            return context.ack(Acks.ephemeral(replies.repeated(request, duplicates.sameRequestWindow())));
        }
        Action action = parsed instanceof MedicCommand.Rollback ? Action.APPROVE : Action.DIAGNOSE;
        boolean queued = background.submit(request, action, caller,
                () -> permissions.check(action, caller.userId(), caller.channelId()),
                () -> work(parsed, caller));
        return context.ack(Acks.ephemeral(queued ? replies.accepted(request) : replies.busy(request)));
    }

    private Reply work(MedicCommand parsed, Caller caller) {
        if (parsed instanceof MedicCommand.Diagnose diagnose) {
            return changed(parsed, operations.diagnose(diagnose.host(), caller));
        }
        if (parsed instanceof MedicCommand.Rollback rollback) {
            return changed(parsed, operations.rollback(rollback.changeId(), caller));
        }
        if (parsed instanceof MedicCommand.History history) {
            return Reply.ephemeral(replies.history(history.host(), operations.history(history.host(), HISTORY_LIMIT)));
        }
        return Reply.ephemeral(replies.status(operations.status()));
    }

    private SlackMessage refusal(MedicCommand.Refused refused) {
        if (refused instanceof MedicCommand.UnknownSubcommand unknown) {
            return replies.unknownSubcommand(unknown.given());
        }
        if (refused instanceof MedicCommand.UnknownHost unknown) {
            return replies.unknownHost(unknown.given(), unknown.closeMatches(), parser.hosts());
        }
        return replies.unusable(((MedicCommand.Unusable) refused).problem());
    }

    /** What medic did to a host is shown to the channel; a refusal only to the person who asked. */
    private Reply changed(MedicCommand parsed, Outcome outcome) {
        return new Reply(replies.outcome(parsed.request(), outcome), !outcome.done());
    }
}
