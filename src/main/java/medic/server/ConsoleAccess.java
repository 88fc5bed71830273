package medic.server;

/** Who may use the local console: its login token (null: no console) and the Slack user ID its clicks act as. */
public record ConsoleAccess(String token, String user) {
    @Override
    public String toString() {
        return "ConsoleAccess[token=" + (token == null ? "unset" : "(secret)") + ", user=" + user + "]";
    }
}
