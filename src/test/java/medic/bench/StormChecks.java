package medic.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The storm's targets, checked against what wrk saw, what the database holds and what Slack received.
 *
 * <p>"Stored" means: for every alert of every answered request, the alerts table has the row of that occurrence
 * (its fingerprint and startsAt), and every resolution sent (endsAt set) left that row RESOLVED. wrk cannot say which
 * requests were still unanswered when it stopped (at most one per connection), only how many: a wrk thread may have
 * that many requests not wholly stored; any more and their alerts count as lost.
 */
final class StormChecks {
    private final StormReport report;
    private final StormTimeline timeline;
    private final WrkResult wrk;
    private final StormDatabase.Snapshot database;
    private final SlackJournal slack;

    StormChecks(StormReport report, StormTimeline timeline, WrkResult wrk, StormDatabase.Snapshot database,
                SlackJournal slack) {
        this.report = report;
        this.timeline = timeline;
        this.wrk = wrk;
        this.database = database;
        this.slack = slack;
    }

    void all(int seconds, int rate) {
        webhook(seconds, rate);
        stored();
        incidents();
        slack();
    }

    private void webhook(int seconds, int rate) {
        double perSecond = wrk.requests() / wrk.seconds();
        report.target("request rate", perSecond >= rate * 0.98 && wrk.seconds() >= seconds * 0.98,
                String.format("%d requests in %.1f s = %.1f/s", wrk.requests(), wrk.seconds(), perSecond),
                rate + "/s for " + seconds + " s");
        report.target("all accepted", wrk.accepted() == wrk.requests() && wrk.errors().values().stream()
                        .allMatch(n -> n == 0), String.format("sent %d, answered 202 %d, other status %d, unanswered"
                        + " at the stop %d, errors %s", wrk.sent(), wrk.accepted(), wrk.requests() - wrk.accepted(),
                        wrk.unanswered(), wrk.errors()), "every answered request 202, no error");
        report.target("webhook p99", wrk.millis("p99") <= 50, String.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms,"
                + " p99.9 %.2f ms, max %.2f ms", wrk.millis("p50"), wrk.millis("p90"), wrk.millis("p99"),
                wrk.millis("p99.9"), wrk.millis("max")), "p99 at most 50 ms");
    }

    private void stored() {
        int senders = wrk.threads().size();
        List<Integer> sent = new ArrayList<>();
        int incomplete = 0;
        int unexplained = 0;
        Set<String> missing = new HashSet<>();
        Set<String> resolutionsMissing = new HashSet<>();
        for (WrkResult.Sender sender : wrk.threads()) {
            int incompleteHere = 0;
            Set<String> missingHere = new HashSet<>();
            Set<String> resolutionsHere = new HashSet<>();
            for (long j = 0; j < sender.sent(); j++) {
                int index = (int) (sender.id() + j * senders);
                sent.add(index);
                boolean whole = true;
                for (StormFleet.AlertState state : timeline.states(index)) {
                    String occurrence = state.fingerprint() + "@" + AlertStormBench.micros(state.startsAt());
                    if (!database.occurrences().contains(occurrence)) {
                        missingHere.add(occurrence);
                        whole = false;
                    } else if (!state.firing() && !database.resolved().contains(occurrence)) {
                        resolutionsHere.add(occurrence);
                        whole = false;
                    }
                }
                incompleteHere += whole ? 0 : 1;
            }
            incomplete += incompleteHere;
            // Requests wrk never saw answered may be the incomplete ones; more incomplete than that is a loss.
            if (incompleteHere > sender.unanswered()) {
                unexplained += incompleteHere;
                missing.addAll(missingHere);
                resolutionsMissing.addAll(resolutionsHere);
            }
        }
        Set<String> expected = ServeStormBench.occurrences(timeline, sent, false);
        Set<String> resolutions = ServeStormBench.occurrences(timeline, sent, true);
        Set<String> invented = new HashSet<>(database.occurrences());
        invented.removeAll(expected);
        report.line("alerts: %d sent in %d requests (%d distinct occurrences, %d of them resolved); %d requests"
                + " unanswered when wrk stopped", sent.size() * (long) timeline.alertsPerRequest(), sent.size(),
                expected.size(), resolutions.size(), wrk.unanswered());
        report.target("none lost", unexplained == 0 && invented.isEmpty(), String.format("occurrences sent %d,"
                        + " stored %d; requests not wholly stored %d (unanswered ones may be), lost %d occurrences and"
                        + " %d resolutions; stored but never sent %d", expected.size(), database.occurrences().size(),
                        incomplete, missing.size(), resolutionsMissing.size(), invented.size()),
                "every (fingerprint, startsAt) and resolution of every answered request stored");
    }

    private void incidents() {
        int groups = timeline.fleet().groups();
        report.target("one incident per host/upstream", database.incidents() == groups
                        && database.incidentKeys() == groups, String.format("%d incidents, %d distinct host/upstream,"
                        + " stages %s", database.incidents(), database.incidentKeys(), database.stages()),
                groups + " for " + groups + " groups");
    }

    private void slack() {
        Map<String, String> threadOfTs = new HashMap<>();
        database.threads().forEach((thread, ts) -> threadOfTs.put(ts, thread));
        Map<String, Integer> parents = new HashMap<>();
        int orphans = 0;
        for (SlackJournal.Call post : slack.topLevelPosts()) {
            String thread = threadOfTs.get(post.answeredTs());
            if (thread == null) {
                orphans++;
            } else {
                parents.merge(thread, 1, Integer::sum);
            }
        }
        long incidentThreads = database.threads().keySet().stream().filter(k -> k.startsWith("incident-")).count();
        int most = parents.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int fewest = incidentThreads == database.incidents()
                ? parents.values().stream().mapToInt(Integer::intValue).min().orElse(0) : 0;
        long strayReplies = slack.calls().stream().filter(c -> c.fields().containsKey("thread_ts"))
                .filter(c -> !threadOfTs.containsKey(c.fields().get("thread_ts"))).count();
        report.target("one thread per incident", fewest == 1 && most == 1 && orphans == 0 && strayReplies == 0,
                String.format("%d incidents, %d with a thread; top-level posts per incident min %d max %d; posts of no"
                        + " thread %d; calls into an unknown thread %d", database.incidents(), incidentThreads, fewest,
                        most, orphans, strayReplies), "exactly 1 top-level post per incident");
        Map<String, Integer> duplicates = slack.duplicates();
        report.target("no duplicate Slack message", duplicates.isEmpty(), duplicates.size() + " calls received more"
                + " than once" + (duplicates.isEmpty() ? "" : ", e.g. " + duplicates.entrySet().iterator().next()),
                "none");
        int worst = slack.pacing().values().stream().mapToInt(SlackJournal.Pacing::maxInOneSecond).max().orElse(0);
        report.target("Slack pacing", worst <= 1, "per channel " + slack.pacing() + "; calls by method "
                + slack.byMethod(), "at most 1 call per channel in any 1 s");
        report.target("outbox drained", database.pending() == 0 && database.outbox().getOrDefault("DEAD", 0) == 0,
                "outbox calls by status " + database.outbox(), "none pending, none dead");
    }
}
