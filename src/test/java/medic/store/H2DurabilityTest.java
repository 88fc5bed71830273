package medic.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Every H2 URL is opened with WRITE_DELAY=0; one that asks for another delay is refused with what to change. */
class H2DurabilityTest {

    @Test
    void adds_write_delay_0_to_an_h2_url_that_sets_none() {
        assertEquals("jdbc:h2:file:/var/lib/medic/medic;AUTO_SERVER=FALSE;WRITE_DELAY=0",
                H2Durability.connectionUrl("jdbc:h2:file:/var/lib/medic/medic;AUTO_SERVER=FALSE"));
        assertEquals("jdbc:h2:file:/var/lib/medic/medic;WRITE_DELAY=0",
                H2Durability.connectionUrl("jdbc:h2:file:/var/lib/medic/medic"));
    }

    @Test
    void keeps_an_h2_url_that_sets_write_delay_0_in_any_case() {
        assertEquals(DatabaseSettings.DEFAULT_URL, H2Durability.connectionUrl(DatabaseSettings.DEFAULT_URL));
        assertEquals("jdbc:h2:file:./m;write_delay = 0", H2Durability.connectionUrl("jdbc:h2:file:./m;write_delay = 0"));
    }

    @Test
    void refuses_an_h2_url_with_another_write_delay_and_hides_its_password() {
        DatabaseUnavailableException refused = assertThrows(DatabaseUnavailableException.class,
                () -> Database.open(DatabaseSettings.of("jdbc:h2:file:./m;PASSWORD=hunter2;WRITE_DELAY=500", "medic",
                        "")));

        assertEquals("database URL jdbc:h2:file:./m;PASSWORD=***;WRITE_DELAY=500 sets WRITE_DELAY=500, but medic needs"
                + " WRITE_DELAY=0 so that a killed process keeps every commit (an apply stores each state before it"
                + " changes nginx); remove WRITE_DELAY from the URL or set it to 0", refused.getMessage());
    }

    @Test
    void leaves_a_postgresql_url_as_it_is() {
        String url = "jdbc:postgresql://db:5432/medic?WRITE_DELAY=500";

        assertEquals(url, H2Durability.connectionUrl(url));
    }
}
