package medic.runbook;

import java.nio.file.Path;
import java.util.stream.Stream;
import medic.inventory.InvalidFixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every invalid runbook shape under src/test/resources/runbooks/invalid is refused with its expected message. */
class InvalidRunbookTest {
    @TestFactory
    Stream<DynamicTest> each_invalid_runbook_is_refused_with_its_expected_problems() {
        return InvalidFixtures.each(Path.of("src/test/resources/runbooks/invalid"), RunbookLoader::load);
    }
}
