package medic.nginx.diagnosis.rules;

import medic.nginx.config.Directive;
import medic.nginx.model.Location;
import medic.nginx.model.Scope;

/** Where an inherited directive is written, so a fix edits the line people wrote instead of shadowing it. */
final class Scopes {
    private Scopes() {
    }

    /** The scope on the location's inheritance path that holds {@code directive}; the location's own if none. */
    static Scope writing(Location location, Directive directive) {
        for (Scope s = location.scope(); s != null; s = s.parent()) {
            if (s.find(directive.name()) == directive) {
                return s;
            }
        }
        return location.scope();
    }
}
