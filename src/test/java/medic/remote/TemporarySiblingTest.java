package medic.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TemporarySiblingTest {

    @Test
    void names_a_hidden_file_beside_the_target() {
        TemporarySibling sibling = TemporarySibling.of("/etc/nginx/nginx.conf");

        assertEquals("/etc/nginx", sibling.directory());
        assertEquals("nginx.conf", sibling.name());
        assertTrue(sibling.temporaryPath().matches("/etc/nginx/\\.nginx\\.conf\\.medic-[0-9a-f]{12}\\.tmp"),
                sibling.temporaryPath());
    }

    @Test
    void uses_a_fresh_random_name_each_time() {
        assertNotEquals(TemporarySibling.of("/etc/a.conf").temporaryPath(),
                TemporarySibling.of("/etc/a.conf").temporaryPath());
    }

    @Test
    void works_for_a_file_in_the_root_directory() {
        TemporarySibling sibling = TemporarySibling.of("/a.conf");

        assertEquals("/", sibling.directory());
        assertTrue(sibling.temporaryPath().startsWith("/.a.conf.medic-"), sibling.temporaryPath());
    }

    @Test
    void refuses_relative_paths_and_directories() {
        assertThrows(IllegalArgumentException.class, () -> TemporarySibling.of("nginx.conf"));
        assertThrows(IllegalArgumentException.class, () -> TemporarySibling.of("/etc/nginx/"));
    }
}
