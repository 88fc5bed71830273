package medic.nginx.diagnosis;

import java.util.ArrayList;
import java.util.List;
import medic.nginx.config.Directive;
import medic.nginx.model.Effective;
import medic.nginx.model.NginxConfig;

/** Builds findings for one rule with the location details filled in the same way everywhere. */
public final class Findings {
    private final Rule rule;
    private final NginxConfig config;

    public Findings(Rule rule, NginxConfig config) {
        this.rule = rule;
        this.config = config;
    }

    /** Starts a finding pointing at {@code at} (the directive at fault, or the block missing something). */
    public Builder at(Directive at, Severity severity) {
        return new Builder(rule.id(), rule.title(), severity, config.tree().relative(at.file()), at.line());
    }

    /** Fluent builder for one finding. */
    public static final class Builder {
        private final String rule;
        private final String title;
        private final Severity severity;
        private final String file;
        private final int line;
        private String message = "";
        private String effective;
        private String defaultValue;
        /** Null until the first line: most findings have none, and a large config has thousands of findings. */
        private List<String> evidence;
        private String fix = "";
        /** Null until the first change (the finding copies it anyway). */
        private List<Change> changes;
        private boolean confirmed;

        private Builder(String rule, String title, Severity severity, String file, int line) {
            this.rule = rule;
            this.title = title;
            this.severity = severity;
            this.file = file;
            this.line = line;
        }

        public Builder message(String text) {
            this.message = text;
            return this;
        }

        /** Records the value nginx uses and its default, from an effective lookup. */
        public Builder value(Effective value) {
            this.effective = value.name() + " " + (value.value() == null ? "(unset)" : value.value())
                    + (value.isDefault() ? " (default)" : "");
            this.defaultValue = value.defaultValue() == null ? null : value.name() + " " + value.defaultValue();
            return this;
        }

        public Builder value(String effectiveText, String defaultText) {
            this.effective = effectiveText;
            this.defaultValue = defaultText;
            return this;
        }

        public Builder evidence(String line) {
            evidence().add(line);
            return this;
        }

        public Builder evidence(List<String> lines) {
            evidence().addAll(lines);
            return this;
        }

        private List<String> evidence() {
            if (evidence == null) {
                evidence = new ArrayList<>(4);
            }
            return evidence;
        }

        /** Log lines that confirm the problem: added as evidence, and the severity rises one step. */
        public Builder confirmedBy(List<String> lines) {
            if (!lines.isEmpty()) {
                evidence().addAll(lines);
                confirmed = true;
            }
            return this;
        }

        public Builder fix(String text) {
            this.fix = text;
            return this;
        }

        public Builder change(Change change) {
            if (changes == null) {
                changes = new ArrayList<>(2);
            }
            changes.add(change);
            return this;
        }

        public Finding build() {
            return new Finding(rule, confirmed ? severity.raised() : severity, file, line, title, message,
                    effective, defaultValue, evidence == null ? List.of() : evidence, fix,
                    changes == null ? List.of() : changes);
        }
    }
}
