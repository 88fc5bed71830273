package medic.console;

import java.util.Objects;

/**
 * The local console: the login token its pages and calls must carry, and who clicks there, as Slack would name
 * them (the console user's ID goes through the same permission checks as a Slack user's, in the incident channel).
 */
public record ConsoleSettings(String token, String userId, String channel) {
    private static final int MIN_TOKEN = 24;

    public ConsoleSettings {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(channel, "channel");
        if (token == null || token.length() < MIN_TOKEN) {
            throw new IllegalArgumentException("the console's login token must be at least " + MIN_TOKEN
                    + " characters (e.g. openssl rand -hex 16)");
        }
    }

    /** A console with a fresh random token. */
    public static ConsoleSettings withRandomToken(String userId, String channel) {
        byte[] bytes = new byte[16];
        new java.security.SecureRandom().nextBytes(bytes);
        return new ConsoleSettings(java.util.HexFormat.of().formatHex(bytes), userId, channel);
    }
}
