package medic.incident;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Alerts this process has already stored exactly as they are (fingerprint, start, status), so that a resend, which
 * Alertmanager makes many of, needs no database work. Only a shortcut: the database's unique keys remain the judge,
 * so another replica, or this one after a restart (an empty memory), still decides correctly.
 */
final class RecentAlerts {
    private final int capacity;
    private final Map<String, Boolean> seen;

    RecentAlerts(int capacity) {
        this.capacity = capacity;
        this.seen = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > RecentAlerts.this.capacity;
            }
        };
    }

    synchronized boolean known(Alert alert) {
        return seen.get(key(alert)) != null;
    }

    /** Remembers alerts whose state the database now holds (call after the transaction committed). */
    synchronized void remember(Collection<Alert> stored) {
        for (Alert alert : stored) {
            seen.put(key(alert), Boolean.TRUE);
        }
    }

    private static String key(Alert alert) {
        return alert.fingerprint() + '|' + alert.startsAt() + '|' + alert.status();
    }
}
