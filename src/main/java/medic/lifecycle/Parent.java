package medic.lifecycle;

import medic.incident.Incident;
import medic.outbox.DurableOutbox;
import medic.outbox.ThreadFile;
import medic.slack.message.DiagnosisView;
import medic.slack.message.IncidentHeader;
import medic.slack.message.IncidentMessages;
import medic.slack.message.IncidentPost;
import medic.slack.message.IncidentState;

/**
 * An incident's top-level Slack message, which always shows its current state: posted once (with the diff as a file
 * when it is long), then replaced in place (chat.update) at every later stage.
 */
final class Parent {
    private final IncidentMessages messages;
    private final FlowStore flows;
    private final DurableOutbox outbox;
    private final String channel;

    Parent(IncidentMessages messages, FlowStore flows, DurableOutbox outbox, String channel) {
        this.messages = messages;
        this.flows = flows;
        this.outbox = outbox;
        this.channel = channel;
    }

    /** Shows {@code state}: the first call posts the thread, later calls update it. */
    void show(Incident incident, Flow flow, IncidentState state) {
        DiagnosisView view = flow.viewJson() == null ? null : ViewJson.read(flow.viewJson());
        IncidentPost post = messages.parent(header(incident, flow), state, view);
        // Per incident, one thread at a time draws it; the database says which call posts.
        synchronized (lock(incident.id())) {
            // The "posted" mark and the queued post commit in one transaction: a crash leaves both or neither.
            boolean posted = !flow.posted() && outbox.postIf(connection -> flows.markPosted(connection,
                    incident.id()), incident.threadKey(), channel, post.message(), post.diffFile().map(file ->
                            new ThreadFile(file.filename(), file.content(), file.comment())));
            if (!posted) {
                outbox.update(incident.threadKey(), post.message());
            }
        }
    }

    /** Shows a new diagnosis in an existing thread (a re-run): the update, plus the new diff file when long. */
    void showNewDiagnosis(Incident incident, Flow flow, IncidentState state) {
        if (!flow.posted()) {
            show(incident, flow, state);
            return;
        }
        IncidentPost post = messages.parent(header(incident, flow), state, ViewJson.read(flow.viewJson()));
        outbox.update(incident.threadKey(), post.message());
        post.diffFile().ifPresent(file -> outbox.upload(incident.threadKey(), file.filename(), file.content(),
                file.comment()));
    }

    static IncidentHeader header(Incident incident, Flow flow) {
        return new IncidentHeader(incident.id(), incident.host(), incident.upstream(), incident.severity(),
                flow.alertName(), incident.openedAt());
    }

    private static final Object[] LOCKS = new Object[64];

    static {
        for (int i = 0; i < LOCKS.length; i++) {
            LOCKS[i] = new Object();
        }
    }

    private static Object lock(long incidentId) {
        return LOCKS[(int) Math.floorMod(incidentId, (long) LOCKS.length)];
    }
}
