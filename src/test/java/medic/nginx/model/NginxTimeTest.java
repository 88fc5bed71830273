package medic.nginx.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NginxTimeTest {
    @Test
    void reads_every_unit_nginx_knows_and_bare_numbers_as_seconds() {
        assertEquals(Duration.ofSeconds(60), NginxTime.parse("60"));
        assertEquals(Duration.ofSeconds(60), NginxTime.parse("60s"));
        assertEquals(Duration.ofMillis(500), NginxTime.parse("500ms"));
        assertEquals(Duration.ofMinutes(5), NginxTime.parse("5m"));
        assertEquals(Duration.ofHours(2), NginxTime.parse("2h"));
        assertEquals(Duration.ofDays(3), NginxTime.parse("3d"));
        assertEquals(Duration.ofDays(14), NginxTime.parse("2w"));
        assertEquals(Duration.ofDays(30), NginxTime.parse("1M"));
        assertEquals(Duration.ofDays(365), NginxTime.parse("1y"));
    }

    @Test
    void adds_up_combined_values_including_milliseconds_between_other_units() {
        assertEquals(Duration.ofMinutes(90), NginxTime.parse("1h30m"));
        assertEquals(Duration.ofSeconds(5).plusMillis(10), NginxTime.parse("10ms5s"));
        assertEquals(Duration.ofMinutes(1).plusSeconds(5), NginxTime.parse("1m5"));
    }

    @Test
    void refuses_text_that_is_not_a_time() {
        assertNull(NginxTime.parse(""));
        assertNull(NginxTime.parse(null));
        assertNull(NginxTime.parse("s"));
        assertNull(NginxTime.parse("$timeout"));
        assertNull(NginxTime.parse("5x"));
        assertNull(NginxTime.parse("1h 30m"));
        assertNull(NginxTime.parse("5msx"));
        assertNull(NginxTime.parse("5ss"));
    }

    @Test
    void formats_durations_the_short_way_people_write_them() {
        assertEquals("75s", NginxTime.format(Duration.ofSeconds(75)));
        assertEquals("1h", NginxTime.format(Duration.ofHours(1)));
        assertEquals("5m", NginxTime.format(Duration.ofMinutes(5)));
        assertEquals("500ms", NginxTime.format(Duration.ofMillis(500)));
    }
}
