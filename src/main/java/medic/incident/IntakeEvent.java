package medic.incident;

import java.util.List;

/** One thing intake recorded, kept until its transaction commits and then handed to {@link IncidentEvents}. */
sealed interface IntakeEvent {

    void deliverTo(IncidentEvents events);

    record Opened(Incident incident, List<Alert> alerts) implements IntakeEvent {
        @Override
        public void deliverTo(IncidentEvents events) {
            events.opened(incident, alerts);
        }
    }

    record Reopened(Incident incident, List<Alert> alerts) implements IntakeEvent {
        @Override
        public void deliverTo(IncidentEvents events) {
            events.reopened(incident, alerts);
        }
    }

    record Repeated(Incident incident, List<Alert> alerts) implements IntakeEvent {
        @Override
        public void deliverTo(IncidentEvents events) {
            events.repeated(incident, alerts);
        }
    }

    record Resolved(Incident incident) implements IntakeEvent {
        @Override
        public void deliverTo(IncidentEvents events) {
            events.resolved(incident);
        }
    }

    record UnknownHost(Alert alert, String reason) implements IntakeEvent {
        @Override
        public void deliverTo(IncidentEvents events) {
            events.unknownHost(alert, reason);
        }
    }
}
