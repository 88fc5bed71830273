package medic.nginx.log;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.regex.Pattern;

/**
 * Parses one line of an nginx error log in the layout of src/core/ngx_log.c:
 * {@code YYYY/MM/DD HH:MM:SS [level] PID#TID: *CONN MESSAGE[ while ACTION], client: ..., server: ...}.
 * A syslog header in front ({@code <PRI>}, {@code Mon DD HH:MM:SS host nginx: }, or an ISO timestamp) is
 * stripped first. Never throws on bad input: the {@link LineResult} says what the line is and why.
 */
public final class ErrorLogParser {
    /** nginx formats a line in a 2048-byte buffer (NGX_MAX_ERROR_STR) and keeps the last byte for the newline. */
    public static final int MAX_LINE_BYTES = 2047;
    /** Longer lines are not parsed at all: nothing nginx writes comes near. */
    public static final int MAX_PARSED_CHARS = 64 * 1024;

    private static final int TIMESTAMP_LENGTH = 19;
    /** PID, TID and connection numbers longer than this are not nginx's (and would overflow a long). */
    static final int MAX_DIGITS = 18;
    private static final Pattern NGINX_SHAPE =
        Pattern.compile("\\[(debug|info|notice|warn|error|crit|alert|emerg)] \\d+#\\d+: ");
    private static final String[] MONTHS =
        {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private ErrorLogParser() {
    }

    /** Parses one line; a trailing {@code \n} or {@code \r\n} is ignored. */
    public static LineResult parse(CharSequence text, long lineNumber) {
        return parseLine(stripLineEnd(text.toString()), lineNumber);
    }

    /** Index of the next {@code \n} in {@code [from, to)} of {@code bytes}, or -1; reads eight bytes at a time. */
    public static int newline(byte[] bytes, int from, int to) {
        return LineScanner.newline(bytes, from, to);
    }

    /** Parses the UTF-8 bytes {@code [from, to)} of {@code bytes} as one line (malformed bytes become U+FFFD). */
    public static LineResult parse(byte[] bytes, int from, int to, long lineNumber) {
        return parse(new String(bytes, from, to - from, StandardCharsets.UTF_8), lineNumber);
    }

    private static LineResult parseLine(String raw, long lineNumber) {
        if (raw.isBlank()) {
            return LineResult.rejected(LineKind.BLANK, lineNumber, "blank line", false);
        }
        boolean syslog = false;
        String line = raw;
        if (!startsWithTimestampShape(raw)) {
            int nginxStart = afterSyslogHeader(raw);
            if (nginxStart < 0) {
                return notNginx(raw, lineNumber);
            }
            line = raw.substring(nginxStart);
            syslog = true;
        }
        if (line.length() > MAX_PARSED_CHARS) {
            return overlong(line, lineNumber, line.length());
        }
        return new PrefixReader(line, lineNumber, syslog).read();
    }

    /** A line too long to come from nginx, judged by its beginning {@code head} only. */
    static LineResult overlong(String head, long lineNumber, long length) {
        return LineResult.rejected(startsWithTimestampShape(head) ? LineKind.GARBLED : LineKind.FOREIGN, lineNumber,
            "line of " + length + " characters is longer than any nginx error-log line", false);
    }

    private static LineResult notNginx(String raw, long lineNumber) {
        String head = raw.length() > 4096 ? raw.substring(0, 4096) : raw;
        if (NGINX_SHAPE.matcher(head).find()) {
            return LineResult.rejected(LineKind.GARBLED, lineNumber,
                "has nginx's [level] PID#TID: but does not start with a YYYY/MM/DD HH:MM:SS timestamp", false);
        }
        return LineResult.rejected(LineKind.FOREIGN, lineNumber, "not an nginx error-log line", false);
    }

    /** Reads the fixed prefix and hands the rest to {@link ErrorLogFields}. */
    private record PrefixReader(String line, long lineNumber, boolean syslog) {
        LineResult read() {
            if (!isTimestamp(line, 0)) {
                return garbled("timestamp is not YYYY/MM/DD HH:MM:SS");
            }
            LocalDateTime timestamp;
            try {
                timestamp = LocalDateTime.of(number(0, 4), number(5, 2), number(8, 2), number(11, 2), number(14, 2),
                    number(17, 2));
            } catch (DateTimeException e) {
                return garbled("timestamp " + line.substring(0, TIMESTAMP_LENGTH) + " is not a valid date and time");
            }
            int levelStart = TIMESTAMP_LENGTH + 2;
            int levelEnd = line.indexOf(']', levelStart);
            if (!line.startsWith(" [", TIMESTAMP_LENGTH) || levelEnd < 0 || levelEnd - levelStart > 6) {
                return garbled("no [level] after the timestamp");
            }
            LogLevel level = LogLevel.at(line, levelStart, levelEnd);
            if (level == null) {
                return garbled("level [" + line.substring(levelStart, levelEnd) + "] is not one of nginx's levels");
            }
            int at = levelEnd + 2;
            int hash = digitsEnd(at);
            int colon = hash < line.length() && line.charAt(hash) == '#' ? digitsEnd(hash + 1) : -1;
            if (!line.startsWith("] ", levelEnd) || hash == at || colon <= hash + 1 || !line.startsWith(": ", colon)) {
                return garbled("no PID#TID: after [" + level.nginxName() + "]");
            }
            long pid = Long.parseLong(line, at, hash, 10);
            long tid = Long.parseLong(line, hash + 1, colon, 10);
            at = colon + 2;
            long connection = -1;
            if (at < line.length() && line.charAt(at) == '*') {
                int end = digitsEnd(at + 1);
                if (end == line.length()) {
                    return garbled("no message after *CONN");
                }
                if (end > at + 1 && line.charAt(end) == ' ') {
                    connection = Long.parseLong(line, at + 1, end, 10);
                    at = end + 1;
                }
            }
            if (at >= line.length()) {
                return garbled("no message after PID#TID:");
            }
            return entry(timestamp, level, pid, tid, connection, at);
        }

        private LineResult entry(LocalDateTime timestamp, LogLevel level, long pid, long tid, long connection,
                                 int messageStart) {
            boolean atLimit = utf8Length(line) == MAX_LINE_BYTES;
            ErrorLogFields fields = ErrorLogFields.parse(line, messageStart, atLimit);
            int textEnd = fields.messageEnd();
            int whileAt = line.lastIndexOf(" while ", textEnd - 7);
            boolean hasAction = whileAt >= messageStart;
            String message = line.substring(messageStart, hasAction ? whileAt : textEnd);
            String action = hasAction ? line.substring(whileAt + 7, textEnd) : "";
            Phase phase = Phase.fromAction(action);
            if (phase == Phase.NONE && fields.cut() && fields.cutField().equals("message")) {
                phase = Phase.fromCutAction(action);
            }
            FailureClass failureClass = MessageClassifier.classify(level, message, phase);
            ErrorLogLine entry = new ErrorLogLine(lineNumber, timestamp, level, pid, tid, connection, message, action,
                phase, failureClass, fields.client(), fields.server(), RequestLine.parse(fields.request()),
                fields.subrequest(), fields.upstream(), fields.host(), fields.referrer());
            if (fields.cut()) {
                return new LineResult(LineKind.TRUNCATED, lineNumber, entry, "cut inside the " + fields.cutField()
                    + (atLimit ? " at nginx's 2048-byte line limit" : ""), syslog);
            }
            if (atLimit) {
                return new LineResult(LineKind.TRUNCATED, lineNumber, entry,
                    "reaches nginx's 2048-byte line limit, later fields may be missing", syslog);
            }
            return new LineResult(LineKind.PARSED, lineNumber, entry, "", syslog);
        }

        private LineResult garbled(String problem) {
            return LineResult.rejected(LineKind.GARBLED, lineNumber, problem, syslog);
        }

        private int number(int from, int length) {
            return Integer.parseInt(line, from, from + length, 10);
        }

        private int digitsEnd(int from) {
            int i = from;
            while (i < line.length() && i - from < MAX_DIGITS && isDigit(line.charAt(i))) {
                i++;
            }
            return i;
        }
    }

    static boolean startsWithTimestampShape(String s) {
        return s.length() >= 5 && isDigit(s.charAt(0)) && isDigit(s.charAt(1)) && isDigit(s.charAt(2))
            && isDigit(s.charAt(3)) && s.charAt(4) == '/';
    }

    static boolean isTimestamp(String s, int at) {
        if (s.length() < at + TIMESTAMP_LENGTH) {
            return false;
        }
        String shape = "dddd/dd/dd dd:dd:dd";
        for (int i = 0; i < TIMESTAMP_LENGTH; i++) {
            char expected = shape.charAt(i);
            char c = s.charAt(at + i);
            if (expected == 'd' ? !isDigit(c) : c != expected) {
                return false;
            }
        }
        return true;
    }

    /** Where nginx's own text starts behind a syslog header, or -1 when the line has no such header. */
    static int afterSyslogHeader(String s) {
        boolean header = s.startsWith("<") || startsWithMonth(s) || s.length() > 10 && isDigit(s.charAt(0))
            && s.charAt(4) == '-' && s.charAt(7) == '-';
        if (!header) {
            return -1;
        }
        int limit = Math.min(s.length(), 512);
        for (int i = s.indexOf(": "); i >= 0 && i < limit; i = s.indexOf(": ", i + 1)) {
            if (isTimestamp(s, i + 2) && s.startsWith(" [", i + 2 + TIMESTAMP_LENGTH)) {
                return i + 2;
            }
        }
        return -1;
    }

    private static boolean startsWithMonth(String s) {
        for (String month : MONTHS) {
            if (s.startsWith(month) && s.length() > 4 && s.charAt(3) == ' ') {
                return true;
            }
        }
        return false;
    }

    static int utf8Length(String s) {
        int bytes = s.length();
        if (bytes > MAX_LINE_BYTES || bytes * 3 < MAX_LINE_BYTES) {
            return bytes; // exact count only matters near the limit
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                bytes += c >= 0x800 && !Character.isSurrogate(c) ? 2 : 1;
            }
        }
        return bytes;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String stripLineEnd(String s) {
        int end = s.length();
        if (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && s.charAt(end - 1) == '\r') {
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }
}
