package medic.nginx.diagnosis.rules;

import medic.nginx.config.Directive;
import medic.nginx.model.Effective;
import medic.nginx.model.Location;

/** Where a finding about an inherited or default value points. */
final class Culprit {
    private Culprit() {
    }

    /** The directive that set the value (possibly at server or http level), else the location left at the default. */
    static Directive of(Effective effective, Location location) {
        return effective.isDefault() ? location.block() : effective.source();
    }
}
