package medic.runbook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import medic.inventory.LabelMatcher;

/** Which alerts a runbook is for: one alert name, plus label matchers that must all hold (Alertmanager semantics). */
public record AlertMatch(String alertname, List<LabelMatcher> matchers) {
    public AlertMatch {
        matchers = List.copyOf(matchers);
    }

    /** True for an alert with this name whose labels satisfy every matcher (the name counts as label alertname). */
    public boolean matches(String alertName, Map<String, String> labels) {
        if (!alertname.equals(alertName)) {
            return false;
        }
        Map<String, String> all = new HashMap<>(labels);
        all.putIfAbsent("alertname", alertName);
        return matchers.stream().allMatch(m -> m.matches(all));
    }
}
