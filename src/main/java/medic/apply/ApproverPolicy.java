package medic.apply;

import java.util.Optional;
import java.util.Set;

/**
 * Who may approve changes on a host (Slack user ids or groups, decided outside medic.apply). Returns why the
 * approver is refused, or empty when allowed.
 */
@FunctionalInterface
public interface ApproverPolicy {

    Optional<String> refusal(String approver, String host);

    /** Exactly these ids may approve, on every host. */
    static ApproverPolicy allowList(Set<String> approvers) {
        Set<String> allowed = Set.copyOf(approvers);
        return (approver, host) -> allowed.contains(approver) ? Optional.empty()
                : Optional.of(approver + " is not among the approvers allowed for " + host);
    }
}
