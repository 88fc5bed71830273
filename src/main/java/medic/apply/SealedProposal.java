package medic.apply;

import java.time.Instant;
import java.util.List;

/**
 * A proposal frozen as it was shown to people: the host, who asked for it, the hash of its whole unified diff
 * (the Approve button carries it), each file's hashes, and until when it may be approved.
 */
public record SealedProposal(String id, String host, String requester, String summary, String diffSha256,
                             Instant createdAt, Instant expiresAt, List<SealedFile> files, ProposalState state,
                             String approver, Instant approvedAt) {
    public SealedProposal {
        files = List.copyOf(files);
    }

    /** Whether it is still open or already approved (exactly once). */
    public enum ProposalState { PROPOSED, APPROVED }
}
