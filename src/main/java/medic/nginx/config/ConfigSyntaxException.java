package medic.nginx.config;

import medic.MedicException;

/** A config that nginx would refuse to read, with the file and line where reading stopped. */
public final class ConfigSyntaxException extends MedicException {
    private final String file;
    private final int line;
    private final String reason;

    public ConfigSyntaxException(String file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
