package medic.nginx.diagnosis;

import java.util.ArrayList;
import java.util.List;
import medic.nginx.log.FailureClass;

/** Turns a fixture error log into log events (stand-in until the log reader feeds the diagnosis). */
final class FixtureLogs {
    private FixtureLogs() {
    }

    static List<LogEvent> events(String text) {
        List<LogEvent> events = new ArrayList<>();
        for (String line : text.split("\n")) {
            FailureClass failure = classify(line);
            if (failure == FailureClass.OTHER) {
                continue;
            }
            String request = field(line, ", request: \"", "\"");
            String method = request == null ? null : request.split(" ")[0];
            String uri = request == null || request.split(" ").length < 2 ? null : request.split(" ")[1];
            events.add(new LogEvent(failure, field(line, ", server: ", ","), field(line, ", host: \"", "\""),
                    method, uri, field(line, ", upstream: \"", "\""), 1, line));
        }
        return events;
    }

    private static FailureClass classify(String line) {
        boolean upgraded = line.contains("while proxying upgraded connection");
        boolean info = line.contains("[info]");
        if (line.contains("Connection reset by peer")) {
            if (upgraded) {
                return info ? FailureClass.RESET_UPGRADED_CLIENT : FailureClass.RESET_UPGRADED_UPSTREAM;
            }
            if (line.contains("while reading upstream")) {
                return FailureClass.RESET_READING_BODY;
            }
            return line.contains("while sending request") ? FailureClass.RESET_SENDING_REQUEST
                    : FailureClass.RESET_READING_HEADER;
        }
        if (line.contains("upstream prematurely closed")) {
            return FailureClass.PREMATURELY_CLOSED;
        }
        if (line.contains("upstream timed out")) {
            return upgraded ? FailureClass.TUNNEL_IDLE_TIMEOUT : FailureClass.TIMED_OUT;
        }
        if (line.contains("Connection refused")) {
            return FailureClass.CONNECT_REFUSED;
        }
        if (line.contains("no live upstreams")) {
            return FailureClass.NO_LIVE_UPSTREAMS;
        }
        if (line.contains("upstream sent too big header")) {
            return FailureClass.TOO_BIG_HEADER;
        }
        if (line.contains("worker_connections are not enough")) {
            return FailureClass.WORKER_CONNECTIONS;
        }
        return line.contains("upstream server temporarily disabled") ? FailureClass.SERVER_DISABLED : FailureClass.OTHER;
    }

    private static String field(String line, String start, String end) {
        int at = line.indexOf(start);
        if (at < 0) {
            return null;
        }
        int from = at + start.length();
        int to = line.indexOf(end, from);
        return to < 0 ? line.substring(from) : line.substring(from, to);
    }
}
