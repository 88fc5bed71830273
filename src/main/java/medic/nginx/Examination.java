package medic.nginx;

import java.util.ArrayList;
import java.util.List;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.rules.NoKeepalivePool;
import medic.nginx.harden.Hardener;
import medic.nginx.harden.Proposal;
import medic.nginx.model.NginxConfig;

/**
 * A diagnosis before its proposal: the modelled config, the findings (most serious first), what the log said and
 * the notes so far. Reports can start on the findings while {@link #propose()} works out the fix.
 */
public record Examination(NginxConfig config, List<Finding> findings, LogStats log, List<String> notes,
                          Analysis analysis) {
    public Examination {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /** Turns the findings into a minimal proposal: the diagnosis {@link Diagnostician#diagnose} returns. */
    public Diagnosis propose() {
        Proposal proposal = Hardener.propose(config, findings);
        List<String> all = new ArrayList<>(notes);
        all.addAll(NoKeepalivePool.unknownBackendNotes(analysis, proposal.findings()));
        return new Diagnosis(config, findings, proposal, log, all);
    }
}
