package medic.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import medic.slack.SlackMessage;
import medic.slack.api.PostedMessage;
import medic.slack.api.SlackCallException;
import medic.slack.api.SlackGateway;

/**
 * The Slack gateway the console reads: every call the outbox makes is kept as Slack would show it (top-level
 * messages updated in place, their thread replies and files, answers to clicks). Standalone it is the only Slack
 * (timestamps are made up here); mirroring, each call goes to the real gateway first and is kept once it succeeded.
 */
public final class ConsoleSlack implements SlackGateway {
    /** Answers to console clicks come back through the outbox as response_url calls with this prefix. */
    public static final String RESPONSE_URL_PREFIX = "console:click/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<SlackGateway> slack;
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000_000L);
    private final Map<String, Conversation> conversations = new LinkedHashMap<>();
    private final Map<String, List<SlackMessage>> answers = new LinkedHashMap<>();
    private long version;

    private ConsoleSlack(Optional<SlackGateway> slack) {
        this.slack = slack;
    }

    /** The console as medic's only Slack. */
    public static ConsoleSlack standalone() {
        return new ConsoleSlack(Optional.empty());
    }

    /** The console beside real Slack: it shows what Slack accepted. */
    public static ConsoleSlack mirroring(SlackGateway slack) {
        return new ConsoleSlack(Optional.of(slack));
    }

    @Override
    public synchronized PostedMessage postMessage(String channel, String threadTs, SlackMessage message) {
        PostedMessage posted = slack.map(s -> s.postMessage(channel, threadTs, message))
                .orElseGet(() -> new PostedMessage(channel, nextTs()));
        if (threadTs == null) {
            conversations.put(key(posted.channel(), posted.ts()), new Conversation(posted.channel(), posted.ts(), message));
        } else {
            conversation(channel, threadTs).replies.add(new Reply(posted.ts(), message, null));
        }
        version++;
        return posted;
    }

    @Override
    public synchronized void updateMessage(String channel, String ts, SlackMessage message) {
        slack.ifPresent(s -> s.updateMessage(channel, ts, message));
        conversation(channel, ts).message = message;
        version++;
    }

    @Override
    public synchronized void uploadFile(String channel, String threadTs, String filename, String content, String comment) {
        slack.ifPresent(s -> s.uploadFile(channel, threadTs, filename, content, comment));
        conversation(channel, threadTs).replies.add(new Reply(nextTs(),
                SlackMessage.plain(comment == null ? filename : comment), new File(filename, content)));
        version++;
    }

    @Override
    public synchronized void respond(String responseUrl, SlackMessage message, boolean ephemeral) {
        if (!responseUrl.startsWith(RESPONSE_URL_PREFIX)) {
            slack.orElseThrow(() -> new SlackCallException("response_url", "the console cannot answer "
                    + responseUrl, SlackCallException.Retry.NEVER, null, null)).respond(responseUrl, message, ephemeral);
            return;
        }
        answers.computeIfAbsent(responseUrl.substring(RESPONSE_URL_PREFIX.length()), click -> new ArrayList<>())
                .add(message);
        version++;
    }

    @Override
    public List<String> usergroupMembers(String usergroupId) {
        return slack.orElseThrow(() -> new SlackCallException("usergroups.users.list", "the console has no user "
                + "groups; list console users by ID", SlackCallException.Retry.NEVER, null, null))
                .usergroupMembers(usergroupId);
    }

    /** Group members for permissions: Slack's when mirroring; standalone there are no groups to be in. */
    java.util.Set<String> groupMembers(String usergroupId) {
        if (slack.isEmpty()) {
            throw new medic.slack.access.GroupLookupException("user group " + usergroupId + " lives in Slack and the "
                    + "console runs without it; list console users by ID instead");
        }
        try {
            return java.util.Set.copyOf(slack.get().usergroupMembers(usergroupId));
        } catch (SlackCallException e) {
            throw new medic.slack.access.GroupLookupException(e.getMessage(), e);
        }
    }

    /**
     * Every conversation, newest first, as JSON: {@code version} (changes whenever anything does), and per
     * conversation its channel, ts, message ({@code text}, {@code blocks} exactly as sent) and replies.
     */
    public synchronized ObjectNode snapshot() {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", version);
        ArrayNode list = root.putArray("conversations");
        List<Conversation> newestFirst = new ArrayList<>(conversations.values());
        java.util.Collections.reverse(newestFirst);
        for (Conversation conversation : newestFirst) {
            ObjectNode node = list.addObject();
            node.put("channel", conversation.channel);
            node.put("ts", conversation.ts);
            node.set("message", message(conversation.message));
            ArrayNode replies = node.putArray("replies");
            for (Reply reply : conversation.replies) {
                ObjectNode replyNode = message(reply.message);
                replyNode.put("ts", reply.ts);
                if (reply.file != null) {
                    replyNode.putObject("file").put("name", reply.file.name).put("content", reply.file.content);
                }
                replies.add(replyNode);
            }
        }
        return root;
    }

    /** The answers medic gave to one console click so far (permission refusals, outcomes). */
    public synchronized List<SlackMessage> answers(String clickId) {
        return List.copyOf(answers.getOrDefault(clickId, List.of()));
    }

    static ObjectNode message(SlackMessage message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("text", message.text());
        try {
            node.set("blocks", JSON.readTree(message.blocksJson()));
        } catch (java.io.IOException e) {
            node.set("blocks", JSON.createArrayNode()); // SlackMessage checked it is an array; Slack would refuse it too
        }
        return node;
    }

    private Conversation conversation(String channel, String ts) {
        Conversation conversation = conversations.get(key(channel, ts));
        if (conversation == null) {
            throw new SlackCallException("chat.postMessage", "message_not_found: no message " + ts + " in " + channel,
                    SlackCallException.Retry.NEVER, null, null);
        }
        return conversation;
    }

    private String nextTs() {
        long micros = clock.incrementAndGet();
        return micros / 1_000_000 + "." + String.format("%06d", micros % 1_000_000);
    }

    private static String key(String channel, String ts) {
        return channel + "/" + ts;
    }

    private static final class Conversation {
        final String channel;
        final String ts;
        final List<Reply> replies = new ArrayList<>();
        SlackMessage message;

        Conversation(String channel, String ts, SlackMessage message) {
            this.channel = channel;
            this.ts = ts;
            this.message = message;
        }
    }

    private record Reply(String ts, SlackMessage message, File file) {
    }

    private record File(String name, String content) {
    }
}
