package medic.nginx.diagnosis;

import java.util.List;
import medic.nginx.diagnosis.rules.MissingUpgradeHeaders;

/** The rules medic runs, under the stable ids of the catalogue (BRIEF section 4). */
public final class RuleCatalog {
    private RuleCatalog() {
    }

    public static List<Rule> all() {
        return List.of(
                new MissingUpgradeHeaders());
    }
}
