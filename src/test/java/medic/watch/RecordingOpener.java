package medic.watch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An incident opener that remembers what it was asked to open. */
final class RecordingOpener implements IncidentOpener {
    record Opened(String host, String reason) {
    }

    final List<Opened> opened = new CopyOnWriteArrayList<>();

    @Override
    public void open(String host, String reason) {
        opened.add(new Opened(host, reason));
    }
}
