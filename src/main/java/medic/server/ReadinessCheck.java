package medic.server;

import java.util.Optional;

/** One thing medic needs to serve traffic (the database, the scheduler, Slack): empty when fine, else why not. */
@FunctionalInterface
public interface ReadinessCheck {

    Optional<String> problem();
}
