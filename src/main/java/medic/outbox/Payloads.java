package medic.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import medic.slack.SlackMessage;
import medic.store.StoreException;

/** What a call carries, stored as JSON in its row so a worker in another process or after a restart can send it. */
final class Payloads {

    /** A message to post, reply with or update to; the blocks stay a JSON string so they round-trip exactly. */
    record Message(String text, String blocks) {
        SlackMessage toSlack() {
            return new SlackMessage(text, blocks);
        }
    }

    record Upload(String filename, String content, String comment) {
    }

    record Respond(String responseUrl, String text, String blocks, boolean ephemeral) {
        SlackMessage message() {
            return new SlackMessage(text, blocks);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Payloads() {
    }

    static String of(SlackMessage message) {
        return write(new Message(message.text(), message.blocksJson()));
    }

    static String write(Object payload) {
        try {
            return MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an outbox payload as JSON", e);
        }
    }

    static <T> T read(OutboxCall call, Class<T> type) {
        try {
            return MAPPER.readValue(call.payload(), type);
        } catch (JsonProcessingException e) {
            throw new StoreException("the stored payload of " + call.describe() + " is not a " + type.getSimpleName()
                    + ": " + e.getOriginalMessage(), e);
        }
    }
}
