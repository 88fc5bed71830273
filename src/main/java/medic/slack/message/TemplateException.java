package medic.slack.message;

import medic.MedicException;

/** A message template that cannot be used: names the file, the line and what to change. */
public class TemplateException extends MedicException {
    public TemplateException(String message) {
        super(message);
    }
}
