package medic.lifecycle;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import medic.incident.Alert;
import medic.incident.Incident;
import medic.incident.IncidentEvents;
import medic.incident.IncidentStore;
import medic.outbox.Outbox;
import medic.slack.message.ChannelNotices;
import medic.slack.message.IncidentState;
import medic.slack.message.ThreadReplies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 1, intake: what alert intake reports after it has stored a delivery. A new incident starts its diagnosis;
 * repeats go to its thread (counted, never one message per alert); a resolution redraws the parent; an alert for
 * no known host is said so in the channel.
 */
final class Intake implements IncidentEvents {
    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);

    private final Diagnose diagnose;
    private final IncidentStore incidents;
    private final FlowStore flows;
    private final Parent parent;
    private final Outbox outbox;
    private final String channel;
    private final ThreadReplies replies;
    private final ChannelNotices notices;
    private final String inventoryFile;
    private final Clock clock;
    private final FlowMetrics metrics;

    Intake(FlowMetrics metrics, Diagnose diagnose, IncidentStore incidents, FlowStore flows, Parent parent, Outbox outbox, String channel,
           ThreadReplies replies, ChannelNotices notices, String inventoryFile, Clock clock) {
        this.metrics = metrics;
        this.diagnose = diagnose;
        this.incidents = incidents;
        this.flows = flows;
        this.parent = parent;
        this.outbox = outbox;
        this.channel = channel;
        this.replies = replies;
        this.notices = notices;
        this.inventoryFile = inventoryFile;
        this.clock = clock;
    }

    @Override
    public void opened(Incident incident, List<Alert> alerts) {
        Alert first = alerts.get(0);
        metrics.opened(OwnAlerts.isOwn(first) ? first.labels().get(OwnAlerts.SOURCE) : "alertmanager");
        flows.create(incident.id(), first.alertname(), Optional.ofNullable(first.labels().get(OwnAlerts.REQUESTED_BY)));
        diagnose.start(incident, Stage.NEW, first);
    }

    @Override
    public void repeated(Incident incident, List<Alert> newAlerts) {
        Optional<Flow> flow = flows.find(incident.id());
        if (flow.isEmpty()) {
            opened(incident, newAlerts);
            return;
        }
        Alert latest = newAlerts.get(newAlerts.size() - 1);
        if (OwnAlerts.DIAGNOSE.equals(latest.alertname())) {
            // Someone asked again: a fresh diagnosis in the same thread.
            diagnose.rerun(incident, latest);
            return;
        }
        noteRepeats(incident, flow.get());
    }

    /**
     * One thread reply for the alerts since the last one; nothing while the thread is not posted or snoozed, nor while
     * a call of its thread still waits in the outbox (the alerts are counted in the next note instead: in a storm
     * Slack's one message a second per channel would otherwise queue one note per delivery, for hours).
     */
    void noteRepeats(Incident incident, Flow flow) {
        int unnoted = incident.alertCount() - flow.notedAlerts();
        if (!flow.posted() || unnoted <= 0 || incident.isSnoozedAt(clock.instant())
                || outbox.waiting(incident.threadKey())) {
            return;
        }
        if (flows.noted(incident.id(), flow.notedAlerts(), incident.alertCount())) {
            outbox.reply(incident.threadKey(), replies.repeats(unnoted, incident.host(), flow.alertName(),
                    incident.firstSeen(), incident.lastSeen()));
        }
    }

    @Override
    public void resolved(Incident incident) {
        flows.find(incident.id()).filter(Flow::posted).ifPresent(flow -> {
            Stage stage = Stage.of(incident.stage());
            // The state the parent shows stays the flow's own unless nothing is left to do.
            if (stage == Stage.DIAGNOSING || stage == Stage.APPLYING) {
                LOG.info("incident {} resolved while {}; its work carries on", incident.id(), stage);
            } else {
                parent.show(incident, flow, new IncidentState.Resolved(clock.instant()));
            }
            outbox.reply(incident.threadKey(), replies.resolved(flow.alertName(), clock.instant()));
        });
    }

    @Override
    public void unknownHost(Alert alert, String reason) {
        LOG.warn("alert {} names no inventory host: {}", alert.alertname(), reason);
        outbox.post("unknown-host-" + alert.fingerprint() + "-" + alert.startsAt().toEpochMilli(), channel,
                notices.unknownHost(alert.alertname(), alert.labels(), inventoryFile));
    }
}
