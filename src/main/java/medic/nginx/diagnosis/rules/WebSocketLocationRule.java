package medic.nginx.diagnosis.rules;

import java.util.ArrayList;
import java.util.List;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.Rule;
import medic.nginx.model.Location;

/** A rule judged one WebSocket location at a time: the loop over locations is written once, here. */
abstract class WebSocketLocationRule implements Rule {
    @Override
    public final List<Finding> check(Analysis analysis) {
        Findings findings = new Findings(this, analysis.config());
        List<Finding> out = new ArrayList<>();
        for (Location location : analysis.webSocketLocations()) {
            check(analysis, location, findings, out);
        }
        return out;
    }

    /** Adds this rule's findings for one location that serves WebSocket traffic. */
    abstract void check(Analysis analysis, Location location, Findings findings, List<Finding> out);
}
