package medic.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import medic.runbook.run.StepResult;
import medic.slack.SlackMessage;
import medic.slack.message.SlackLimits;
import medic.slack.message.ThreadReplies;

/** Thread replies made of several small ones (a run's steps), joined into one message while it stays in Slack's limits. */
final class ThreadNotes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ThreadNotes() {
    }

    static SlackMessage steps(ThreadReplies replies, List<StepResult> steps, Instant approvalExpires) {
        List<SlackMessage> parts = new ArrayList<>();
        for (StepResult step : steps) {
            parts.add(replies.step(step, approvalExpires));
        }
        return join(parts);
    }

    /** The parts' blocks in order; when together they break a limit, only as many leading parts as fit. */
    static SlackMessage join(List<SlackMessage> parts) {
        if (parts.isEmpty()) {
            return SlackMessage.plain("(no steps ran)");
        }
        ArrayNode blocks = JSON.createArrayNode();
        StringBuilder text = new StringBuilder();
        try {
            for (SlackMessage part : parts) {
                blocks.addAll((ArrayNode) JSON.readTree(part.blocksJson()));
                text.append(text.length() == 0 ? "" : "\n").append(part.text());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a reply's blocks are not JSON", e);
        }
        SlackMessage joined = new SlackMessage(text.length() > 3_000 ? text.substring(0, 3_000) : text.toString(),
                blocks.toString());
        if (SlackLimits.violations(joined).isEmpty()) {
            return joined;
        }
        List<SlackMessage> fewer = parts.subList(0, parts.size() / 2);
        return fewer.isEmpty() ? parts.get(0) : join(fewer);
    }
}
