package medic.nginx;

import java.util.List;
import medic.nginx.diagnosis.Finding;
import medic.nginx.harden.Proposal;
import medic.nginx.model.NginxConfig;

/**
 * The answer to "what explains these resets and what is the smallest safe fix": findings (most serious
 * first), the proposed change as per-file diffs, what the log said, and notes about assumptions made.
 * Texts here are not yet redacted: whoever shows them to people redacts (see {@code medic.nginx.redact}).
 */
public record Diagnosis(NginxConfig config, List<Finding> findings, Proposal proposal, LogStats log,
                        List<String> notes) {
    public Diagnosis {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }
}
