package medic.slack.command;

import medic.slack.SlackMessage;

/** An answer through response_url: seen only by the person who asked ({@code ephemeral}) or by the channel. */
public record Reply(SlackMessage message, boolean ephemeral) {

    public static Reply ephemeral(SlackMessage message) {
        return new Reply(message, true);
    }

    public static Reply inChannel(SlackMessage message) {
        return new Reply(message, false);
    }
}
