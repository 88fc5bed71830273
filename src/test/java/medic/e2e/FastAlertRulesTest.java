package medic.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FastAlertRulesTest {

    @Test
    void the_fast_copy_differs_from_deploys_rules_only_in_for_and_the_window() throws Exception {
        String deployed = FastAlertRules.deployed();
        String fast = FastAlertRules.fast(deployed);

        assertNotEquals(deployed, fast);
        assertEquals(deployed, FastAlertRules.restored(fast));
        String[] slowLines = deployed.split("\n", -1);
        String[] fastLines = fast.split("\n", -1);
        assertEquals(slowLines.length, fastLines.length);
        for (int i = 0; i < slowLines.length; i++) {
            if (!slowLines[i].equals(fastLines[i])) {
                assertEquals(slowLines[i].replace("for: 1m", "for: 2s").replace("[5m]", "[1m]"), fastLines[i],
                        "line " + (i + 1));
            }
        }
    }

    @Test
    void refuses_rules_whose_durations_it_does_not_know() {
        assertThrows(IllegalStateException.class, () -> FastAlertRules.fast("for: 5m\n"));
        assertThrows(IllegalStateException.class, () -> FastAlertRules.fast("for: 1m [5m] for: 2s\n"));
    }
}
