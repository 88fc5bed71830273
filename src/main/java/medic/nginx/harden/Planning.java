package medic.nginx.harden;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import medic.nginx.config.Directive;
import medic.nginx.diagnosis.Change;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Scope;

/**
 * Plans the merged changes, on two threads when there are many. A planner's state (containers, multi-valued
 * groups) belongs to one block, and it reads the model and the original text only; so the changes are split by
 * the block they edit, each half is planned by its own {@link EditPlanner}, and the halves' edits and notes are
 * merged back by change order: the same edits in the same order as one planner makes.
 */
final class Planning {
    /** Below this many changes one thread plans them all (a second one costs more than it saves). */
    static final int PARALLEL_FROM = 2_000;

    /** The edits in planning order, the skip notes, and by change order what edits and what was skipped. */
    record Result(List<Edit> edits, List<String> skipped, boolean[] effective, boolean[] skippedOrders) {
    }

    private Planning() {
    }

    static Result of(NginxConfig config, Describer describer, List<Change> changes) {
        return of(config, describer, changes, PARALLEL_FROM);
    }

    /** As above; {@code parallelFrom} is the number of changes from which two threads plan (tests use both paths). */
    static Result of(NginxConfig config, Describer describer, List<Change> changes, int parallelFrom) {
        int count = changes.size();
        if (count < parallelFrom) {
            EditPlanner planner = new EditPlanner(config, describer);
            for (int i = 0; i < count; i++) {
                planner.plan(changes.get(i), i);
            }
            return new Result(planner.edits(), planner.skipped(), planner.effective(count),
                    planner.skippedOrders(count));
        }
        Map<String, Layout> layouts = new HashMap<>();
        config.tree().files().forEach((path, file) -> layouts.put(path, new Layout(file)));
        int middle = middleOf(config);
        boolean[] second = new boolean[count];
        for (int i = 0; i < count; i++) {
            second[i] = offsetOf(config, changes.get(i)) >= middle;
        }
        Half other = new Half(new EditPlanner(config, describer, layouts), changes, second, true);
        Future<?> running = Helper.submit(other::run);
        Half own = new Half(new EditPlanner(config, describer, layouts), changes, second, false);
        own.run();
        Helper.await(running);
        RuntimeException failure = own.failedAt <= other.failedAt ? own.failure : other.failure;
        if (failure != null) {
            throw failure;
        }
        return merged(own, other, count);
    }

    /** Half the main file: blocks starting past it go to the second thread. */
    private static int middleOf(NginxConfig config) {
        return config.tree().main().source().length() / 2;
    }

    /** Where the block a change edits starts (0 for the main level): every change of one block gets one offset. */
    private static int offsetOf(NginxConfig config, Change change) {
        Directive block;
        if (change instanceof Change.SetDirective c) {
            block = c.scope().block();
        } else if (change instanceof Change.AddDirective c) {
            block = c.scope().block();
        } else if (change instanceof Change.SetServerParam c) {
            block = c.server().directive();
        } else if (change instanceof Change.SetMapEntry c) {
            block = c.map().block();
        } else if (change instanceof Change.MakePrefixNoRegex c) {
            block = c.location().block();
        } else {
            // The upgrade map and http directives go to the http block.
            Scope http = config.http();
            block = http == null ? null : http.block();
        }
        return block == null ? 0 : block.offset();
    }

    /** One thread's share: the changes on one side of the middle, planned in change order. */
    private static final class Half {
        final EditPlanner planner;
        final List<Change> changes;
        final boolean[] second;
        final boolean side;
        final List<Edit> groupEdits = new ArrayList<>();
        /** Per group in order: where its edits end in {@link #groupEdits}. */
        int[] groupEnds;
        int failedAt = Integer.MAX_VALUE;
        RuntimeException failure;

        Half(EditPlanner planner, List<Change> changes, boolean[] second, boolean side) {
            this.planner = planner;
            this.changes = changes;
            this.second = second;
            this.side = side;
        }

        void run() {
            int i = 0;
            try {
                for (; i < second.length; i++) {
                    if (second[i] == side) {
                        planner.plan(changes.get(i), i);
                    }
                }
                List<ArrayGroup> groups = planner.groups();
                groupEnds = new int[groups.size()];
                Map<Directive, String> rawLines = new IdentityHashMap<>();
                for (int g = 0; g < groups.size(); g++) {
                    groups.get(g).edits(planner.placement(), rawLines, groupEdits);
                    groupEnds[g] = groupEdits.size();
                }
            } catch (RuntimeException e) {
                failedAt = i;
                failure = e;
            }
        }
    }

    /** The two halves' results interleaved by change order, as one planner would have listed them. */
    private static Result merged(Half a, Half b, int count) {
        List<Edit> direct = interleave(a.planner.directEdits(), b.planner.directEdits());
        List<Edit> edits = new ArrayList<>(direct.size() + a.groupEdits.size() + b.groupEdits.size());
        edits.addAll(direct);
        List<ArrayGroup> groupsA = a.planner.groups();
        List<ArrayGroup> groupsB = b.planner.groups();
        int ga = 0;
        int gb = 0;
        while (ga < groupsA.size() || gb < groupsB.size()) {
            boolean fromA = gb == groupsB.size()
                    || (ga < groupsA.size() && groupsA.get(ga).firstOrder() < groupsB.get(gb).firstOrder());
            if (fromA) {
                edits.addAll(a.groupEdits.subList(ga == 0 ? 0 : a.groupEnds[ga - 1], a.groupEnds[ga]));
                ga++;
            } else {
                edits.addAll(b.groupEdits.subList(gb == 0 ? 0 : b.groupEnds[gb - 1], b.groupEnds[gb]));
                gb++;
            }
        }
        List<String> skipped = new ArrayList<>();
        List<String> notesA = a.planner.skipped();
        List<String> notesB = b.planner.skipped();
        List<Integer> ordersA = a.planner.skippedChanges();
        List<Integer> ordersB = b.planner.skippedChanges();
        int sa = 0;
        int sb = 0;
        while (sa < notesA.size() || sb < notesB.size()) {
            if (sb == notesB.size() || (sa < notesA.size() && ordersA.get(sa) < ordersB.get(sb))) {
                skipped.add(notesA.get(sa++));
            } else {
                skipped.add(notesB.get(sb++));
            }
        }
        boolean[] effective = a.planner.effective(count);
        boolean[] effectiveB = b.planner.effective(count);
        boolean[] skippedOrders = a.planner.skippedOrders(count);
        boolean[] skippedB = b.planner.skippedOrders(count);
        for (int i = 0; i < count; i++) {
            effective[i] |= effectiveB[i];
            skippedOrders[i] |= skippedB[i];
        }
        return new Result(edits, List.copyOf(skipped), effective, skippedOrders);
    }

    /** Two lists of edits, each in change order, as one list in change order. */
    private static List<Edit> interleave(List<Edit> a, List<Edit> b) {
        List<Edit> out = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (j == b.size() || (i < a.size() && a.get(i).order() < b.get(j).order())) {
                out.add(a.get(i++));
            } else {
                out.add(b.get(j++));
            }
        }
        return out;
    }
}
