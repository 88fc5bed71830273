package medic.inventory;

import java.util.ArrayList;
import java.util.List;
import medic.inventory.yaml.Fields;
import medic.inventory.yaml.YamlMap;
import medic.inventory.yaml.YamlNode;

/**
 * Reads the two ways a file says which alerts it is about: {@code labels:} (a map of exact values) and
 * {@code matchers:} (a list in Alertmanager's syntax); every matcher from both must hold.
 */
public final class MatcherFields {
    private MatcherFields() {
    }

    public static List<LabelMatcher> read(Fields fields) {
        List<LabelMatcher> matchers = new ArrayList<>();
        fields.mapping("labels", "a mapping of alert label to exact value, e.g. instance: \"edge-1:9113\"")
                .ifPresent(labels -> {
                    for (YamlMap.Entry entry : labels.entries().values()) {
                        fields.text(entry.value()).ifPresent(value -> {
                            try {
                                matchers.add(LabelMatcher.equal(entry.key(), value));
                            } catch (IllegalArgumentException e) {
                                fields.problems().add(entry.keyLocation(), entry.value().path(), e.getMessage());
                            }
                        });
                    }
                });
        fields.list("matchers", "a list of matchers such as - 'instance=~\"edge-.*\"'").ifPresent(list -> {
            for (YamlNode item : list.items()) {
                fields.text(item).ifPresent(text -> {
                    try {
                        matchers.add(LabelMatcher.parse(text));
                    } catch (IllegalArgumentException e) {
                        fields.problems().add(item, e.getMessage());
                    }
                });
            }
        });
        return List.copyOf(matchers);
    }
}
