package medic.nginx.harden;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import medic.nginx.config.Directive;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Scope;

/**
 * Merges the given changes ({@link ChangeMerger}) and plans them ({@link EditPlanner}), on two threads when there
 * are many. Two changes merge only when they edit the same block, and a planner's state (containers, multi-valued
 * groups) belongs to one block while it reads nothing but the model and the original text; so the given changes
 * are split by the block they edit, each half is merged and planned on its own, and the halves' edits, notes and
 * conflicts are interleaved back by change order: the same result, in the same order, as one thread makes.
 * A change's order is the number of the given change that first asked for its edit.
 */
final class Planning {
    /** Below this many findings (or hand-picked changes) one thread does it all. */
    static final int PARALLEL_FROM = 1_000;

    /**
     * The edits in planning order, the skip notes, the merge's conflicts, by order what edits and what was skipped,
     * and for every given change (in the order given) the order of the change it merged into.
     */
    record Result(List<Edit> edits, List<String> skipped, List<String> conflicts, boolean[] effective,
                  boolean[] skippedOrders, int[] orderOfGiven) {
    }

    /** The changes given: every change of {@code findings} with its rule, or the {@code sourced} ones. */
    record Given(List<Finding> findings, List<ChangeMerger.Sourced> sourced) {
        static Given ofFindings(List<Finding> findings) {
            return new Given(findings, null);
        }

        static Given ofSourced(List<ChangeMerger.Sourced> sourced) {
            return new Given(null, sourced);
        }

        int units() {
            return findings != null ? findings.size() : sourced.size();
        }
    }

    private Planning() {
    }

    static Result of(NginxConfig config, Describer describer, Given given) {
        return of(config, describer, given, PARALLEL_FROM);
    }

    /** As above; {@code parallelFrom} is the size from which two threads work (tests use both paths). */
    static Result of(NginxConfig config, Describer describer, Given given, int parallelFrom) {
        if (given.units() < parallelFrom) {
            Half all = new Half(config, describer, given, new HashMap<>(), -1);
            all.run();
            if (all.failure != null) {
                throw all.failure;
            }
            return merged(all, null);
        }
        Map<String, Layout> layouts = new HashMap<>();
        config.tree().files().forEach((path, file) -> layouts.put(path, new Layout(file)));
        int middle = config.tree().main().source().length() / 2;
        Half other = new Half(config, describer, given, layouts, middle);
        other.second = true;
        Future<?> running = Helper.submit(other::run);
        Half own = new Half(config, describer, given, layouts, middle);
        own.run();
        Helper.await(running);
        RuntimeException failure = own.failedAt <= other.failedAt ? own.failure : other.failure;
        if (failure != null) {
            throw failure;
        }
        return merged(own, other);
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

    /** One thread's share: the changes of the blocks on one side of the middle (all with no middle), in order. */
    private static final class Half {
        final NginxConfig config;
        final Given given;
        final int middle;
        boolean second;
        final ChangeMerger merger;
        final EditPlanner planner;
        /** Per given change of this half: 1 + the order it merged into; 0 for the other half's. */
        int[] orderOfGiven = new int[64];
        int count;
        final List<Edit> groupEdits = new ArrayList<>();
        /** Per group in order: where its edits end in {@link #groupEdits}. */
        int[] groupEnds;
        int failedAt = Integer.MAX_VALUE;
        RuntimeException failure;

        Half(NginxConfig config, Describer describer, Given given, Map<String, Layout> layouts, int middle) {
            this.config = config;
            this.given = given;
            this.middle = middle;
            this.merger = new ChangeMerger(describer, given.units() * 2);
            this.planner = new EditPlanner(config, describer, layouts);
        }

        void run() {
            if (given.findings() != null) {
                for (Finding finding : given.findings()) {
                    String rule = finding.rule();
                    for (Change change : finding.changes()) {
                        add(change, rule);
                    }
                }
            } else {
                for (ChangeMerger.Sourced sourced : given.sourced()) {
                    add(sourced.change(), sourced.rule());
                }
            }
            List<Change> changes = merger.changes();
            int[] orders = merger.orders();
            int k = 0;
            try {
                for (; k < changes.size(); k++) {
                    planner.plan(changes.get(k), orders[k]);
                }
                List<ArrayGroup> groups = planner.groups();
                groupEnds = new int[groups.size()];
                Map<Directive, String> rawLines = new IdentityHashMap<>();
                for (int g = 0; g < groups.size(); g++) {
                    groups.get(g).edits(planner.placement(), rawLines, groupEdits);
                    groupEnds[g] = groupEdits.size();
                }
            } catch (RuntimeException e) {
                failedAt = k < changes.size() ? orders[k] : count;
                failure = e;
            }
        }

        /** The edits of this half's group {@code g}. */
        List<Edit> editsOfGroup(int g) {
            return groupEdits.subList(g == 0 ? 0 : groupEnds[g - 1], groupEnds[g]);
        }

        private void add(Change change, String rule) {
            if (count == orderOfGiven.length) {
                orderOfGiven = java.util.Arrays.copyOf(orderOfGiven, 2 * count);
            }
            if (middle < 0 || (offsetOf(config, change) >= middle) == second) {
                orderOfGiven[count] = 1 + merger.add(count, change, rule);
            }
            count++;
        }
    }

    /** The halves' results interleaved by order, as one thread would have listed them ({@code b} may be null). */
    private static Result merged(Half a, Half b) {
        int count = a.count;
        int[] orderOfGiven = new int[count];
        for (int i = 0; i < count; i++) {
            orderOfGiven[i] = a.orderOfGiven[i] + (b == null ? 0 : b.orderOfGiven[i]) - 1;
        }
        List<Edit> directA = a.planner.directEdits();
        List<Edit> directB = b == null ? List.of() : b.planner.directEdits();
        List<ArrayGroup> groupsA = a.planner.groups();
        List<ArrayGroup> groupsB = b == null ? List.of() : b.planner.groups();
        List<Edit> edits = new ArrayList<>(directA.size() + directB.size() + a.groupEdits.size()
                + (b == null ? 0 : b.groupEdits.size()));
        byOrder(directA.size(), i -> directA.get(i).order(), i -> edits.add(directA.get(i)),
                directB.size(), j -> directB.get(j).order(), j -> edits.add(directB.get(j)));
        byOrder(groupsA.size(), i -> groupsA.get(i).firstOrder(), i -> edits.addAll(a.editsOfGroup(i)),
                groupsB.size(), j -> groupsB.get(j).firstOrder(), j -> edits.addAll(b.editsOfGroup(j)));
        List<String> skipped = texts(a.planner.skipped(), i -> a.planner.skippedChanges().get(i),
                b == null ? List.of() : b.planner.skipped(), j -> b.planner.skippedChanges().get(j));
        List<String> conflicts = texts(a.merger.conflicts(), i -> a.merger.conflictAt()[i],
                b == null ? List.of() : b.merger.conflicts(), j -> b.merger.conflictAt()[j]);
        boolean[] effective = a.planner.effective(count);
        boolean[] skippedOrders = a.planner.skippedOrders(count);
        if (b != null) {
            boolean[] effectiveB = b.planner.effective(count);
            boolean[] skippedB = b.planner.skippedOrders(count);
            for (int k = 0; k < count; k++) {
                effective[k] |= effectiveB[k];
                skippedOrders[k] |= skippedB[k];
            }
        }
        return new Result(edits, skipped, conflicts, effective, skippedOrders, orderOfGiven);
    }

    /** Two lists of texts, each in increasing order of its {@code at}, as one list in that order. */
    private static List<String> texts(List<String> a, IntUnaryOperator atA, List<String> b, IntUnaryOperator atB) {
        List<String> out = new ArrayList<>(a.size() + b.size());
        byOrder(a.size(), atA, i -> out.add(a.get(i)), b.size(), atB, j -> out.add(b.get(j)));
        return List.copyOf(out);
    }

    /**
     * Walks two sequences, each in increasing order of its key, taking the items of both in that order (an item of
     * {@code b} first on a tie).
     */
    private static void byOrder(int sizeA, IntUnaryOperator orderA, IntConsumer takeA,
                                int sizeB, IntUnaryOperator orderB, IntConsumer takeB) {
        int i = 0;
        int j = 0;
        while (i < sizeA || j < sizeB) {
            if (j == sizeB || (i < sizeA && orderA.applyAsInt(i) < orderB.applyAsInt(j))) {
                takeA.accept(i++);
            } else {
                takeB.accept(j++);
            }
        }
    }
}
