package medic.nginx.harden;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import medic.MedicException;
import medic.nginx.config.ConfigFile;
import medic.nginx.config.ConfigParser;
import medic.nginx.config.ConfigSyntaxException;
import medic.nginx.config.ConfigTree;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.model.NginxConfig;

/**
 * Turns findings into the smallest edits that give nginx what they ask for, keeping each file's own
 * indentation, comments, order and line endings, and shows them as unified diffs. Pure: text in, text out.
 * Edits are computed against the original text and applied per file; every changed file is checked to parse
 * ({@link ParseCheck}), and text nginx could not read is a hardener bug that fails loudly.
 */
public final class Hardener {
    private Hardener() {
    }

    /** The edits that carry out the changes of {@code findings} (diagnosed on this same {@code config}). */
    public static Proposal propose(NginxConfig config, List<Finding> findings) {
        return build(config, Planning.Given.ofFindings(findings), findings);
    }

    /** Every change of {@code findings}, in order, with the rule that asked for it. */
    static List<ChangeMerger.Sourced> sourced(List<Finding> findings) {
        List<ChangeMerger.Sourced> sourced = new ArrayList<>();
        for (Finding finding : findings) {
            for (Change change : finding.changes()) {
                sourced.add(new ChangeMerger.Sourced(change, finding.rule()));
            }
        }
        return sourced;
    }

    /** The edits for hand-picked changes, e.g. the subset a person approved. */
    public static Proposal proposeChanges(NginxConfig config, List<Change> changes) {
        return build(config, Planning.Given.ofSourced(
                changes.stream().map(c -> new ChangeMerger.Sourced(c, "change")).toList()), List.of());
    }

    /** The config as it reads after the proposal: same version, same base directory, edited files swapped in. */
    public static NginxConfig hardened(NginxConfig config, Proposal proposal) {
        return NginxConfig.of(HardenedSource.reload(config.tree(), proposal), config.versionKnown() ? config.version() : null);
    }

    /** How the changes were merged and planned, and the edits per file path. */
    record Plan(Planning.Result planning, Map<String, List<Edit>> byFile) {
    }

    /** Merges {@code sourced} and plans the edits against the original text. */
    static Plan plan(NginxConfig config, List<ChangeMerger.Sourced> sourced) {
        return plan(config, Planning.Given.ofSourced(sourced), Planning.PARALLEL_FROM);
    }

    /** As above; {@code parallelFrom} as in {@link Planning#of(NginxConfig, Describer, Planning.Given, int)}. */
    static Plan plan(NginxConfig config, List<ChangeMerger.Sourced> sourced, int parallelFrom) {
        return plan(config, Planning.Given.ofSourced(sourced), parallelFrom);
    }

    private static Plan plan(NginxConfig config, Planning.Given given, int parallelFrom) {
        Planning.Result planning = Planning.of(config, new Describer(config), given, parallelFrom);
        return new Plan(planning, byFile(planning.edits()));
    }

    /** The edits by file path, each file's in the order given. */
    private static Map<String, List<Edit>> byFile(List<Edit> edits) {
        Map<String, List<Edit>> byFile = new LinkedHashMap<>();
        if (!edits.isEmpty() && allIn(edits, edits.get(0).file())) {
            byFile.put(edits.get(0).file(), edits);
            return byFile;
        }
        for (Edit edit : edits) {
            byFile.computeIfAbsent(edit.file(), f -> new ArrayList<>()).add(edit);
        }
        return byFile;
    }

    private static boolean allIn(List<Edit> edits, String file) {
        for (Edit edit : edits) {
            if (!edit.file().equals(file)) {
                return false;
            }
        }
        return true;
    }

    private static Proposal build(NginxConfig config, Planning.Given given, List<Finding> findings) {
        Plan plan = plan(config, given, Planning.PARALLEL_FROM);
        Planning.Result planning = plan.planning();
        Map<String, List<Edit>> byFile = plan.byFile();
        // Which findings the edits address, worked out on the other core while this one applies the edits.
        List<List<Finding>> addressed = new ArrayList<>(1);
        Future<?> addressing = Helper.submit(() -> addressed.add(addressed(findings, planning)));
        ConfigTree tree = config.tree();
        List<String> conflicts = new ArrayList<>(planning.conflicts());
        List<String> notes = new ArrayList<>(planning.skipped());
        List<FileChange> files = new ArrayList<>();
        List<Future<?>> checks = new ArrayList<>();
        for (String path : tree.files().keySet()) {
            List<Edit> edits = byFile.get(path);
            if (edits == null) {
                continue;
            }
            String before = tree.file(path).source();
            String relative = tree.relative(path);
            TextEdits.Applied applied = TextEdits.apply(before, edits, relative, conflicts);
            String after = applied.text();
            if (after.equals(before)) {
                continue;
            }
            // The parse check and the diff read the same strings: the check runs on the other core.
            ConfigFile original = tree.file(path);
            checks.add(Helper.submit(() -> ParseCheck.validate(original, relative, after, applied.kept())));
            files.add(new FileChange(path, relative, before, after, UnifiedDiff.of(relative, before, applied)));
            int includers = tree.includers(path);
            if (includers > 1) {
                notes.add(relative + " is included in " + includers + " places: the edit applies to all of them");
            }
        }
        Helper.await(addressing);
        checks.forEach(Helper::await);
        return new Proposal(files, files.isEmpty() ? List.of() : addressed.get(0), conflicts, notes);
    }

    /**
     * Findings the edits act on: some change of theirs edits the text, and none had to be skipped. The findings'
     * changes are the ones given to the merge, in the same order.
     */
    private static List<Finding> addressed(List<Finding> findings, Planning.Result planning) {
        boolean[] effective = planning.effective();
        boolean[] skipped = planning.skippedOrders();
        int[] orderOfGiven = planning.orderOfGiven();
        List<Finding> addressed = new ArrayList<>();
        int given = 0;
        for (Finding finding : findings) {
            boolean edits = false;
            boolean blocked = false;
            for (int i = finding.changes().size(); i > 0; i--) {
                int index = orderOfGiven[given++];
                edits |= effective[index];
                blocked |= skipped[index];
            }
            if (edits && !blocked) {
                addressed.add(finding);
            }
        }
        return addressed;
    }

    static void validate(String path, String relative, String after) {
        try {
            ConfigParser.parse(path, after);
        } catch (ConfigSyntaxException e) {
            throw new MedicException("hardener bug: the hardened " + relative + " no longer parses (line " + e.line()
                    + ": " + e.reason() + "); nothing was changed; please report this with the config", e);
        }
    }
}
