package medic.store;

import java.sql.SQLException;

/** Words a failed connection attempt as one line: which database, why, and what the operator can do. */
final class OpenFailure {

    private OpenFailure() {
    }

    static String describe(DatabaseSettings settings, SQLException failure) {
        String reason = firstLine(messageOf(failure));
        String as = settings.user().isEmpty() ? "" : " as user " + settings.user();
        return "cannot open database " + settings.redactedUrl() + as + ": " + JdbcUrls.redact(reason) + "; "
                + advice(settings.vendor(), failure);
    }

    private static String advice(Vendor vendor, SQLException failure) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        if (state.startsWith("28")) {
            return "check the database user and password";
        }
        if (vendor == Vendor.H2) {
            return "check that the directory exists and is writable and that no other medic process has this file"
                    + " open (an H2 file serves one process; use PostgreSQL for several replicas)";
        }
        return "check that PostgreSQL runs and accepts TCP connections at this host and port, that the database"
                + " exists, and that the URL, user and password are right";
    }

    // The driver's own message, plus the root cause when it adds something ("The connection attempt failed."
    // says nothing without the UnknownHostException under it).
    private static String messageOf(Throwable failure) {
        String message = null;
        Throwable root = failure;
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (message == null && current.getMessage() != null && !current.getMessage().isBlank()) {
                message = firstLine(current.getMessage());
            }
            root = current;
        }
        if (message == null) {
            return failure.getClass().getSimpleName();
        }
        String rootMessage = root.getMessage() == null ? "" : firstLine(root.getMessage());
        if (root != failure && !message.contains(rootMessage)) {
            message = stripPeriod(message) + " (" + root.getClass().getSimpleName()
                    + (rootMessage.isEmpty() ? "" : ": " + rootMessage) + ")";
        }
        return stripPeriod(message);
    }

    private static String stripPeriod(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "no reason given";
        }
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return (newline < 0 ? trimmed : trimmed.substring(0, newline)).strip();
    }
}
