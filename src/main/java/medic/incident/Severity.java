package medic.incident;

import java.util.List;
import java.util.Locale;

/** Orders the usual severity label values, so an incident shows the most severe of its alerts. */
final class Severity {

    /** Most severe first; any other value ranks below these, and "" (no label) lowest. */
    private static final List<String> ORDER = List.of("critical", "page", "error", "high", "warning", "medium",
            "low", "info", "none");

    private Severity() {
    }

    static String moreSevere(String a, String b) {
        return rank(b) < rank(a) ? b : a;
    }

    private static int rank(String severity) {
        if (severity == null || severity.isEmpty()) {
            return Integer.MAX_VALUE;
        }
        int index = ORDER.indexOf(severity.toLowerCase(Locale.ROOT));
        return index >= 0 ? index : ORDER.size();
    }
}
