package medic.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import medic.apply.ApprovalOutcome.Approved;
import medic.apply.ApprovalOutcome.Reason;
import medic.apply.ApprovalOutcome.Refused;
import medic.store.Database;
import medic.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Approval rules and the compare-and-set, run against each database vendor. */
abstract class ApprovalContract {

    static final Instant NOW = Instant.parse("2026-11-23T23:00:00Z");

    private TestDatabase testDatabase;
    private Database database;
    private AuditLog audit;
    private Proposals proposals;
    private Approvals approvals;

    abstract TestDatabase newDatabase();

    @BeforeEach
    void open() {
        testDatabase = newDatabase();
        database = Database.open(testDatabase.settings().withMaximumPoolSize(12));
        audit = new AuditLog(database);
        proposals = new Proposals(database, audit, ApprovalRules.defaults());
        approvals = new Approvals(database, audit, ApproverPolicy.allowList(Set.of("U_ALICE", "U_BOB")),
                ApprovalRules.defaults());
    }

    @AfterEach
    void close() {
        database.close();
        testDatabase.close();
    }

    private SealedProposal seal(String requester) {
        return proposals.seal("edge-1", TestProposals.of(TestProposals.change("/etc/nginx/nginx.conf", "nginx.conf",
                "proxy_read_timeout 2s;\n", "proxy_read_timeout 3600s;\n")), requester, NOW);
    }

    @Test
    void an_allowed_approver_who_is_not_the_requester_approves_once() {
        SealedProposal sealed = seal("U_BOB");
        ApprovalOutcome outcome = approvals.approve(sealed.id(), "U_ALICE", sealed.diffSha256(), NOW.plusSeconds(60));
        Approved approved = assertInstanceOf(Approved.class, outcome);
        assertEquals("U_ALICE", approved.proposal().approver());
        Refused again = assertInstanceOf(Refused.class,
                approvals.approve(sealed.id(), "U_ALICE", sealed.diffSha256(), NOW.plusSeconds(61)));
        assertEquals(Reason.ALREADY_APPROVED, again.reason());
    }

    @Test
    void refuses_an_unauthorised_approver_and_audits_who_and_why() {
        SealedProposal sealed = seal("U_BOB");
        Refused refused = assertInstanceOf(Refused.class,
                approvals.approve(sealed.id(), "U_MALLORY", sealed.diffSha256(), NOW));
        assertEquals(Reason.NOT_ALLOWED, refused.reason());
        AuditEvent last = audit.forProposal(sealed.id()).get(1);
        assertEquals("U_MALLORY", last.actor());
        assertEquals("REFUSED", last.event());
        assertTrue(last.detail().startsWith("NOT_ALLOWED: U_MALLORY is not among the approvers"), last.detail());
    }

    @Test
    void refuses_self_approval_under_four_eyes() {
        SealedProposal sealed = seal("U_ALICE");
        Refused refused = assertInstanceOf(Refused.class,
                approvals.approve(sealed.id(), "U_ALICE", sealed.diffSha256(), NOW));
        assertEquals(Reason.SELF_APPROVAL, refused.reason());
        assertTrue(audit.forProposal(sealed.id()).get(1).detail().contains("four-eyes"));
    }

    @Test
    void allows_self_approval_when_four_eyes_is_off() {
        SealedProposal sealed = seal("U_ALICE");
        Approvals lenient = new Approvals(database, audit, ApproverPolicy.allowList(Set.of("U_ALICE")),
                new ApprovalRules(false, Duration.ofMinutes(30)));
        assertInstanceOf(Approved.class, lenient.approve(sealed.id(), "U_ALICE", sealed.diffSha256(), NOW));
    }

    @Test
    void an_expired_proposal_says_so() {
        SealedProposal sealed = seal("U_BOB");
        Refused refused = assertInstanceOf(Refused.class,
                approvals.approve(sealed.id(), "U_ALICE", sealed.diffSha256(), NOW.plus(Duration.ofMinutes(30))));
        assertEquals(Reason.EXPIRED, refused.reason());
        assertTrue(refused.message().startsWith("This proposal expired at 2026-11-23T23:30:00Z"), refused.message());
        assertEquals("REFUSED", audit.forProposal(sealed.id()).get(1).event());
    }

    @Test
    void refuses_a_button_carrying_another_diff() {
        SealedProposal sealed = seal("U_BOB");
        Refused refused = assertInstanceOf(Refused.class,
                approvals.approve(sealed.id(), "U_ALICE", Sha256.of("another diff"), NOW));
        assertEquals(Reason.DIFF_MISMATCH, refused.reason());
    }

    @Test
    void refuses_an_unknown_proposal() {
        Refused refused = assertInstanceOf(Refused.class,
                approvals.approve("no-such-id", "U_ALICE", Sha256.of("x"), NOW));
        assertEquals(Reason.UNKNOWN_PROPOSAL, refused.reason());
    }

    @Test
    void fifty_concurrent_approvals_create_exactly_one_change() throws Exception {
        SealedProposal sealed = seal("U_BOB");
        ExecutorService threads = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ApprovalOutcome>> clicks = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                clicks.add(threads.submit(() -> {
                    start.await();
                    return approvals.approve(sealed.id(), "U_ALICE", sealed.diffSha256(), NOW);
                }));
            }
            start.countDown();
            List<ApprovalOutcome> outcomes = new ArrayList<>();
            for (Future<ApprovalOutcome> click : clicks) {
                outcomes.add(click.get());
            }
            assertEquals(1, outcomes.stream().filter(Approved.class::isInstance).count(), outcomes.toString());
            assertTrue(outcomes.stream().filter(Refused.class::isInstance)
                    .allMatch(o -> ((Refused) o).reason() == Reason.ALREADY_APPROVED));
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, new ChangeJournal(database).unfinished().size());
        assertEquals(1, audit.forProposal(sealed.id()).stream().filter(e -> e.event().equals("APPROVED")).count());
    }
}
