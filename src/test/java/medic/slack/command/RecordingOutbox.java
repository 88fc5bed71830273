package medic.slack.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import medic.outbox.Outbox;
import medic.slack.SlackMessage;

/** An outbox that records response_url answers for the test to await; medic's handlers make no other calls. */
public final class RecordingOutbox implements Outbox {

    public record Response(String responseUrl, SlackMessage message, boolean ephemeral) {
        public String text() {
            return message.text();
        }
    }

    private final BlockingQueue<Response> responses = new LinkedBlockingQueue<>();

    /** The next answer, waiting for a worker to send it (fails after 10 s). */
    public Response next() throws InterruptedException {
        Response response = responses.poll(10, TimeUnit.SECONDS);
        assertNotNull(response, "no answer through response_url within 10 s");
        assertEquals(response.text(), Blocks.sectionText(response.message()), "the fallback text is the section's");
        return response;
    }

    /** Answers sent so far and not yet taken with {@link #next()}. */
    public List<Response> pending() {
        List<Response> drained = new ArrayList<>();
        responses.drainTo(drained);
        return drained;
    }

    @Override
    public void respond(String responseUrl, SlackMessage message, boolean ephemeral) {
        responses.add(new Response(responseUrl, message, ephemeral));
    }

    @Override
    public void post(String threadKey, String channel, SlackMessage message) {
        throw new AssertionError("slash commands and buttons answer through response_url, not post");
    }

    @Override
    public void reply(String threadKey, SlackMessage message) {
        throw new AssertionError("slash commands and buttons answer through response_url, not reply");
    }

    @Override
    public void update(String threadKey, SlackMessage message) {
        throw new AssertionError("slash commands and buttons answer through response_url, not update");
    }

    @Override
    public void upload(String threadKey, String filename, String content, String comment) {
        throw new AssertionError("slash commands and buttons answer through response_url, not upload");
    }
}
