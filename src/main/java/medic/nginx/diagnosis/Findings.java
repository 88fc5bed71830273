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
        private final List<String> evidence = new ArrayList<>();
        private String fix = "";
        private final List<Change> changes = new ArrayList<>();
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
            evidence.add(line);
            return this;
        }

        public Builder evidence(List<String> lines) {
            evidence.addAll(lines);
            return this;
        }

        /** Log lines that confirm the problem: added as evidence, and the severity rises one step. */
        public Builder confirmedBy(List<String> lines) {
            if (!lines.isEmpty()) {
                evidence.addAll(lines);
                confirmed = true;
            }
            return this;
        }

        public Builder fix(String text) {
            this.fix = text;
            return this;
        }

        public Builder change(Change change) {
            changes.add(change);
            return this;
        }

        public Finding build() {
            return new Finding(rule, confirmed ? severity.raised() : severity, file, line, title, message,
                    effective, defaultValue, evidence, fix, changes);
        }
    }
}
