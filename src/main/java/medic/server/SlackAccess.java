package medic.server;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import medic.apply.ApproverPolicy;
import medic.apply.AuditLog;
import medic.slack.access.AccessPolicy;
import medic.slack.access.Grant;
import medic.slack.access.RefusalLog;

/**
 * The access settings as the Slack features and the apply engine use them: who may diagnose (in the incident
 * channel and any channels listed; anyone there when no users or groups are listed) and who may approve (in the
 * incident channel; nobody when none are listed).
 */
final class SlackAccess {
    private static final String CONTACT = "medic's operators";

    private SlackAccess() {
    }

    static AccessPolicy policy(AccessSettings access, String channel) {
        Set<String> diagnoseChannels = new LinkedHashSet<>(access.diagnoseChannels());
        if (diagnoseChannels.isEmpty() && channel != null) {
            diagnoseChannels.add(channel);
        }
        List<Grant> diagnose = diagnoseChannels.isEmpty() ? List.of()
                : access.diagnoseUsers().isEmpty() && access.diagnoseGroups().isEmpty()
                        ? List.of(Grant.anyoneIn("access.diagnose", diagnoseChannels))
                        : List.of(new Grant("access.diagnose", diagnoseChannels, Set.copyOf(access.diagnoseUsers()),
                                Set.copyOf(access.diagnoseGroups())));
        List<Grant> approve = access.nobodyApproves() || channel == null ? List.of()
                : List.of(new Grant("access.approve", Set.of(channel), Set.copyOf(access.approveUsers()),
                        Set.copyOf(access.approveGroups())));
        return new AccessPolicy(diagnose, approve, access.fourEyes(), CONTACT);
    }

    /**
     * The apply engine's own check, behind the Slack one: approvers listed by ID pass; group members were checked
     * by the Slack permissions before the click reached the flow.
     */
    static ApproverPolicy approvers(AccessSettings access) {
        if (access.nobodyApproves()) {
            return (approver, host) -> Optional.of("nobody may approve changes (access.approve is empty)");
        }
        if (!access.approveGroups().isEmpty()) {
            return (approver, host) -> Optional.empty();
        }
        return ApproverPolicy.allowList(Set.copyOf(access.approveUsers()));
    }

    /** Denied Slack requests go to the audit log beside the log line. */
    static RefusalLog audited(AuditLog audit, Clock clock) {
        RefusalLog log = RefusalLog.logging();
        return refusal -> {
            log.refused(refusal);
            audit.record(clock.instant(), refusal.userId(), "-", null, null, null,
                    "REFUSED_" + refusal.action().name(), refusal.request() + " in " + refusal.channelId() + ": "
                            + refusal.reason());
        };
    }
}
