package medic.inventory;

import java.util.List;
import medic.inventory.yaml.ConfigFileException;
import medic.inventory.yaml.Problem;

/** An inventory file medic refuses: each problem names file:line:column, the field, and what to change. */
public final class InventoryException extends ConfigFileException {
    public InventoryException(List<Problem> problems) {
        super(problems);
    }
}
