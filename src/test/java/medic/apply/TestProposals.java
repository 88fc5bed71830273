package medic.apply;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.ArrayList;
import java.util.List;
import medic.nginx.harden.FileChange;
import medic.nginx.harden.Proposal;

/** Builds hardening proposals for tests from before/after texts, with a real unified diff. */
final class TestProposals {

    private TestProposals() {
    }

    static FileChange change(String path, String relative, String before, String after) {
        List<String> original = before.lines().toList();
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a/" + relative, "b/" + relative, original,
                DiffUtils.diff(original, after.lines().toList()), 3);
        return new FileChange(path, relative, before, after, String.join("\n", diff) + "\n");
    }

    static Proposal of(FileChange... files) {
        return new Proposal(new ArrayList<>(List.of(files)), List.of(), List.of(), List.of());
    }
}
