package medic.slack.action;

import static medic.slack.command.TestPolicy.ALICE;
import static medic.slack.command.TestPolicy.BOB_ONCALL;
import static medic.slack.command.TestPolicy.OPS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import medic.slack.Actions;
import medic.slack.access.RefusalLog;
import medic.slack.claim.RequestClaims;
import medic.slack.command.FakeOperations;
import medic.slack.command.InteractionSettings;
import medic.slack.command.RecordingOutbox;
import medic.slack.message.MessageTemplates;
import medic.slack.command.SlackTestApp;
import medic.slack.command.TestPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackInteractionsTest {

    private final SlackTestApp slack = new SlackTestApp();
    private final ExecutorService workers = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() throws InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
        slack.close();
    }

    @Test
    void the_wired_features_serve_the_configured_command_and_the_buttons() throws Exception {
        TestPolicy.stubGroups(slack);
        RecordingOutbox outbox = new RecordingOutbox();
        FakeOperations operations = new FakeOperations().requestedBy(ALICE);
        InteractionSettings settings = InteractionSettings.from(Map.of("MEDIC_SLACK_COMMAND", "/medic-staging",
                "MEDIC_SNOOZE", "2h"));
        SlackInteractions.features(settings, TestPolicy.policy(), Set.of("web-1"), slack.methods(), operations,
                MessageTemplates.defaults(), outbox, workers, RefusalLog.logging(), RequestClaims.SINGLE_REPLICA, Clock.systemUTC())
                .forEach(slack::install);

        slack.run(slack.slashCommand(Map.of("command", "/medic-staging", "text", "diagnose web-1")));
        outbox.next();
        slack.run(new Clicks(slack).click(Actions.SNOOZE, "incident=42", BOB_ONCALL, OPS, "1714557900.000001"));
        outbox.next();

        assertEquals(List.of("diagnose web-1 by U0ALICE in C0OPS0001", "snooze 42 by U0BOB for PT2H"),
                operations.calls);
        assertEquals(Duration.ofHours(2), settings.snooze());
    }
}
