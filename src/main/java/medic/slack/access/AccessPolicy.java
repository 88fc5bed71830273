package medic.slack.access;

import java.util.List;
import java.util.Objects;

/**
 * Who may do what, and where: the grants for diagnosing and for approving, whether the four-eyes rule holds
 * (the approver of a change may not be the person who asked for it), and whom to ask when denied.
 *
 * @param contact where people should ask for access, shown in every denial (e.g. {@code #ops-leads})
 */
public record AccessPolicy(List<Grant> diagnose, List<Grant> approve, boolean fourEyes, String contact) {
    public AccessPolicy {
        diagnose = List.copyOf(diagnose);
        approve = List.copyOf(approve);
        Objects.requireNonNull(contact, "contact");
        if (contact.isBlank()) {
            throw new AccessConfigException("access.contact is empty: name a channel or person people should "
                    + "ask for access (e.g. #ops-leads)");
        }
    }

    public List<Grant> grants(Action action) {
        return action == Action.DIAGNOSE ? diagnose : approve;
    }
}
