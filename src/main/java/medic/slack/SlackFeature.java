package medic.slack;

import com.slack.api.bolt.App;

/**
 * One part of medic's Slack app (the slash command, the buttons...), installed on the single Bolt {@link App}
 * medic builds; the same app then serves HTTP requests or Socket Mode.
 */
@FunctionalInterface
public interface SlackFeature {

    void install(App app);
}
