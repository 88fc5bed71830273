package medic.slack.action;

import com.slack.api.methods.MethodsClient;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import medic.outbox.Outbox;
import medic.slack.SlackFeature;
import medic.slack.access.AccessPolicy;
import medic.slack.access.CachedUserGroupMembers;
import medic.slack.access.Permissions;
import medic.slack.access.RefusalLog;
import medic.slack.access.SlackUserGroupMembers;
import medic.slack.claim.RequestClaims;
import medic.slack.command.Background;
import medic.slack.command.BlockReplies;
import medic.slack.command.DuplicateGuard;
import medic.slack.command.InteractionSettings;
import medic.slack.command.MedicOperations;
import medic.slack.command.Replies;
import medic.slack.command.SlashCommandFeature;
import medic.slack.message.MessageTemplates;

/**
 * Wires what people do in Slack (the slash command and the buttons) from its settings and boundaries; the
 * features are installed on medic's one Bolt app. Both share the permissions, the group cache and the guard
 * against duplicates, which claims each request among the replicas; the same guard lets an Events API delivery reach
 * medic's event handlers (none today) once.
 */
public final class SlackInteractions {

    private SlackInteractions() {
    }

    /**
     * @param slack    the Web API client with the bot token (reads user groups)
     * @param templates the words of the replies (templates/command.txt), laid out as Block Kit
     * @param executor  where acknowledged requests do their work (bounded: a full queue answers "busy")
     * @param claims    the request claims every replica shares ({@link RequestClaims#SINGLE_REPLICA} when alone)
     */
    public static List<SlackFeature> features(InteractionSettings settings, AccessPolicy policy,
                                              Set<String> inventoryHosts, MethodsClient slack,
                                              MedicOperations operations, MessageTemplates templates, Outbox outbox,
                                              Executor executor, RefusalLog refusals, RequestClaims claims,
                                              Clock clock) {
        Permissions permissions = new Permissions(policy,
                new CachedUserGroupMembers(new SlackUserGroupMembers(slack), settings.groupCacheTtl(), clock));
        Replies replies = new BlockReplies(templates, settings.command());
        Background background = new Background(executor, outbox, replies, refusals);
        DuplicateGuard duplicates = new DuplicateGuard(settings.duplicateWindow(), clock, claims);
        return List.of(
                new EventsOnce(duplicates),
                new SlashCommandFeature(settings.command(), inventoryHosts, permissions, operations, replies,
                        background, duplicates),
                new ButtonsFeature(permissions, operations, replies, outbox, background, duplicates,
                        settings.snooze()));
    }
}
