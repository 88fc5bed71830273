package medic.outbox;

import medic.slack.api.PostedMessage;
import medic.slack.api.SlackCallException;
import medic.slack.api.SlackCallException.Retry;
import medic.slack.api.SlackGateway;

/** Makes one claimed call through the gateway, finding the conversation's message for replies, updates and files. */
final class CallSender {

    private final SlackGateway gateway;
    private final Conversations conversations;

    CallSender(SlackGateway gateway, Conversations conversations) {
        this.gateway = gateway;
        this.conversations = conversations;
    }

    /**
     * @return where Slack put a top-level post; null for the other kinds
     * @throws SlackCallException saying whether the call may be retried
     */
    PostedMessage send(OutboxCall call) {
        switch (call.kind()) {
            case POST -> {
                var existing = conversations.find(call.threadKey());
                if (existing.isPresent()) {
                    throw new SlackCallException(call.kind().method(), "thread " + call.threadKey()
                            + " already has its top-level message (" + existing.get().channel() + " "
                            + existing.get().ts() + "); reply to it or update it instead", Retry.NEVER, null, null);
                }
                return gateway.postMessage(call.channel(), null, Payloads.read(call, Payloads.Message.class).toSlack());
            }
            case REPLY -> {
                PostedMessage parent = parent(call);
                gateway.postMessage(parent.channel(), parent.ts(), Payloads.read(call, Payloads.Message.class).toSlack());
            }
            case UPDATE -> {
                PostedMessage parent = parent(call);
                gateway.updateMessage(parent.channel(), parent.ts(),
                        Payloads.read(call, Payloads.Message.class).toSlack());
            }
            case UPLOAD -> {
                PostedMessage parent = parent(call);
                Payloads.Upload upload = Payloads.read(call, Payloads.Upload.class);
                gateway.uploadFile(parent.channel(), parent.ts(), upload.filename(), upload.content(), upload.comment());
            }
            case RESPOND -> {
                Payloads.Respond respond = Payloads.read(call, Payloads.Respond.class);
                gateway.respond(respond.responseUrl(), respond.message(), respond.ephemeral());
            }
        }
        return null;
    }

    /**
     * The thread's top-level message. Its post comes earlier in the thread, so it is normally there; when the thread
     * has no post at all (a caller replied before posting), waiting may still see one arrive.
     */
    private PostedMessage parent(OutboxCall call) {
        return conversations.find(call.threadKey()).orElseThrow(() -> new SlackCallException(call.kind().method(),
                "thread " + call.threadKey() + " has no top-level message yet (post it first)", Retry.BACKOFF, null,
                null));
    }
}
