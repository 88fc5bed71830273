package medic.runbook;

import medic.MedicException;

/** A command template medic will not run: an unknown variable, an alert reference, or broken braces. */
public final class TemplateException extends MedicException {
    public TemplateException(String message) {
        super(message);
    }
}
