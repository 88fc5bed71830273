package medic.nginx.diagnosis.rules;

import java.util.ArrayList;
import java.util.List;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.Rule;
import medic.nginx.model.Upstream;

/** A rule judged one {@code upstream} block at a time: the loop over upstreams is written once, here. */
abstract class UpstreamBlockRule implements Rule {
    @Override
    public List<Finding> check(Analysis analysis) {
        Findings findings = new Findings(this, analysis.config());
        List<Finding> out = new ArrayList<>();
        for (Upstream upstream : analysis.config().upstreams().values()) {
            check(analysis, upstream, findings, out);
        }
        return out;
    }

    /** Adds this rule's findings for one upstream block to {@code out}. */
    abstract void check(Analysis analysis, Upstream upstream, Findings findings, List<Finding> out);
}
