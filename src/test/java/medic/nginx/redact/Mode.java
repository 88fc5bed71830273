package medic.nginx.redact;

/** The three entry points of {@link Redactor}, so tables can say which one a case goes through. */
enum Mode {
    CONFIG, LOG, TEXT;

    private static final Redactor REDACTOR = new Redactor();

    Redaction redact(String text) {
        return switch (this) {
            case CONFIG -> REDACTOR.redactConfig(text);
            case LOG -> REDACTOR.redactLog(text);
            case TEXT -> REDACTOR.redactText(text);
        };
    }

    /** The mode a corpus file is meant for, from its name. */
    static Mode forFile(String name) {
        if (name.endsWith(".log")) {
            return LOG;
        }
        return name.endsWith(".conf") || name.endsWith("_params") || name.endsWith("nginx-T-debian.txt") ? CONFIG : TEXT;
    }
}
