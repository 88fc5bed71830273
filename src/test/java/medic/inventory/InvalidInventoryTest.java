package medic.inventory;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every invalid inventory shape under src/test/resources/inventory/invalid is refused with its expected message. */
class InvalidInventoryTest {
    @TestFactory
    Stream<DynamicTest> each_invalid_inventory_is_refused_with_its_expected_problems() {
        return InvalidFixtures.each(Path.of("src/test/resources/inventory/invalid"), Inventory::load);
    }
}
