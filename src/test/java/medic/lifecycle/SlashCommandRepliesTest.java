package medic.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import medic.server.Medic;
import medic.server.MedicSettings;
import medic.slack.command.Blocks;
import medic.testing.RequiresProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /medic} through {@code medic serve}: real signed slash commands over HTTP, and the Block Kit JSON medic
 * answers with, at once (help, mistakes) or through the command's response_url (WireMock) once the work is done.
 */
@RequiresProgram("nginx")
class SlashCommandRepliesTest {
    private static final Pattern APPROVE_VALUE = Pattern.compile("incident=(\\d+);proposal=([0-9a-f]{64})");
    private static final Pattern CHANGE = Pattern.compile("change (\\d+)");
    private static final String ALICE = "U0ALICE";

    @TempDir
    Path dir;

    private FlowRig rig;
    private Medic medic;

    @BeforeEach
    void start() throws Exception {
        rig = new FlowRig(dir);
        medic = Medic.start(MedicSettings.load(Optional.empty(), rig.environment()), List.of(), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        try (FlowRig closing = rig) {
            medic.close();
        }
    }

    @Test
    void every_subcommand_is_answered_in_block_kit_with_its_text_as_fallback() throws Exception {
        JsonObject help = ack(rig.slash(medic.port(), "help", ALICE, trigger()));
        assertEquals("ephemeral", help.get("response_type").getAsString());
        assertTrue(Blocks.sectionText(help).contains("`/medic diagnose &lt;host&gt;`"), help.toString());

        String diagnose = trigger();
        JsonObject working = ack(rig.slash(medic.port(), "diagnose edge-1", ALICE, diagnose));
        assertEquals(":hourglass_flowing_sand: Working on `diagnose edge-1`…", Blocks.sectionText(working));
        JsonObject started = answer(diagnose);
        assertEquals("in_channel", started.get("response_type").getAsString(), "the channel sees who asked");
        assertTrue(Blocks.sectionText(started).startsWith(":white_check_mark: Diagnosing edge-1 for <@U0ALICE>"),
                started.toString());
        Matcher approve = APPROVE_VALUE.matcher(awaitPost("medic_approve"));
        assertTrue(approve.find());
        JsonObject result = answer(diagnose, 1);
        assertEquals("ephemeral", result.get("response_type").getAsString());
        assertTrue(Blocks.sectionText(result).matches("(?s):stethoscope: The diagnosis of `edge-1` is done \\(incident"
                + " #\\d+\\): \\d+ finding\\(s\\); a change awaits approval until .*"), result.toString());

        String status = trigger();
        rig.slash(medic.port(), "status", ALICE, status);
        JsonObject open = answer(status);
        assertEquals("ephemeral", open.get("response_type").getAsString());
        assertTrue(Blocks.sectionText(open).matches("(?s)\\*Open incidents\\* \\(1\\)\n• #\\d+ `edge-1` .*: awaiting "
                + "approval \\(opened <!date\\^\\d+\\^\\{date_short_pretty} \\{time}\\|[^>]+>\\)"), open.toString());

        assertEquals(200, rig.click(medic.port(), "medic_approve", approve.group(), FlowRig.APPROVER).statusCode());
        awaitUpdate("medic_rollback");

        String history = trigger();
        rig.slash(medic.port(), "history edge-1", ALICE, history);
        String entries = Blocks.sectionText(answer(history));
        assertTrue(entries.startsWith("*History of* `edge-1` ("), entries);
        assertTrue(entries.contains("roll back with /medic rollback"), "the newest entries are the apply's: " + entries);
        Matcher change = CHANGE.matcher(entries);
        assertTrue(change.find(), entries);

        String rollback = trigger();
        rig.slash(medic.port(), "rollback " + change.group(1), FlowRig.APPROVER, rollback);
        JsonObject rolledBack = answer(rollback);
        assertEquals("in_channel", rolledBack.get("response_type").getAsString());
        assertEquals(":white_check_mark: Rolled back change " + change.group(1) + " on edge-1.",
                Blocks.sectionText(rolledBack));
        assertTrue(rig.nginx.test().passed(), "nginx -t passes on the restored config");
        assertEquals(2, rig.answers(diagnose).size(), "diagnose: started, then its result: " + rig.answers(diagnose));
        for (String asked : List.of(status, history, rollback)) {
            assertEquals(1, rig.answers(asked).size(), "one answer per command: " + rig.answers(asked));
        }
    }

    @Test
    void mistakes_and_refusals_are_answered_to_the_asker_only_and_say_what_to_do() throws Exception {
        JsonObject unknown = ack(rig.slash(medic.port(), "restart edge-1", ALICE, trigger()));
        assertEquals("ephemeral", unknown.get("response_type").getAsString());
        assertEquals(":thinking_face: `restart` is not a medic subcommand. Try `/medic help`.",
                Blocks.sectionText(unknown));

        JsonObject host = ack(rig.slash(medic.port(), "diagnose edge-9", ALICE, trigger()));
        assertEquals(":thinking_face: `edge-9` is not in the inventory. Did you mean `edge-1`? Known hosts (1): `edge-1`"
                + "\nUse one of them, or add the host to the inventory and restart medic.", Blocks.sectionText(host));

        JsonObject arguments = ack(rig.slash(medic.port(), "rollback", ALICE, trigger()));
        assertTrue(Blocks.sectionText(arguments).startsWith(":thinking_face: rollback takes one change id"),
                arguments.toString());

        String rollback = trigger();
        ack(rig.slash(medic.port(), "rollback 1", ALICE, rollback));
        JsonObject denied = answer(rollback);
        assertEquals("ephemeral", denied.get("response_type").getAsString());
        String text = Blocks.sectionText(denied);
        assertTrue(text.startsWith(":no_entry: `rollback 1` is not allowed: "), text);
        assertTrue(text.contains("ask medic's operators"), "names whom to ask: " + text);
    }

    private static String trigger() {
        return "7318201538." + UUID.randomUUID().toString().replace("-", "");
    }

    private static JsonObject ack(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    /** The first answer medic sent to the command's response_url (awaited). */
    private JsonObject answer(String triggerId) throws InterruptedException {
        return answer(triggerId, 0);
    }

    /** The answer number {@code index} (from 0) medic sent to the command's response_url (awaited). */
    private JsonObject answer(String triggerId, int index) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (rig.answers(triggerId).size() <= index) {
            assertTrue(System.nanoTime() < deadline, "no answer " + index + " at response_url " + triggerId
                    + " within 60 s: " + rig.answers(triggerId));
            Thread.sleep(50);
        }
        return JsonParser.parseString(rig.answers(triggerId).get(index)).getAsJsonObject();
    }

    private String awaitPost(String containing) throws InterruptedException {
        return awaitCall("/api/chat.postMessage", containing);
    }

    private String awaitUpdate(String containing) throws InterruptedException {
        return awaitCall("/api/chat.update", containing);
    }

    private String awaitCall(String path, String containing) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Optional<String> found = rig.calls(path).stream().filter(body -> body.contains(containing)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            assertTrue(System.nanoTime() < deadline, "no " + path + " containing " + containing + " within 60 s");
            Thread.sleep(100);
        }
    }
}
