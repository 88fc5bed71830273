package medic.nginx.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import medic.MedicException;
import org.junit.jupiter.api.Test;

class HalvesTest {
    @Test
    void visits_every_index_exactly_once_above_and_below_the_threshold() {
        for (int size : new int[] {0, 1, Halves.MIN_SIZE - 1, Halves.MIN_SIZE, 1001}) {
            AtomicIntegerArray visits = new AtomicIntegerArray(size);
            Halves.run(size, (from, to) -> {
                for (int i = from; i < to; i++) {
                    visits.incrementAndGet(i);
                }
            });
            for (int i = 0; i < size; i++) {
                assertEquals(1, visits.get(i), "index " + i + " of " + size);
            }
        }
    }

    @Test
    void rethrows_the_original_exception_of_the_second_half() {
        MedicException thrown = new MedicException("bad server block at nginx.conf:12");
        MedicException caught = assertThrows(MedicException.class, () -> Halves.run(1000, (from, to) -> {
            if (from > 0) {
                throw thrown;
            }
        }));
        assertSame(thrown, caught);
    }

    @Test
    void a_model_built_on_two_cores_keeps_file_order_and_shares_header_sets() {
        StringBuilder config = new StringBuilder("http {\n  proxy_set_header Host $host;\n");
        int servers = Halves.MIN_SIZE * 2 + 7;
        for (int i = 0; i < servers; i++) {
            config.append("  server { server_name s").append(i).append(".example;")
                    .append(" location /a/ { proxy_pass http://a; } location ~ ^/b/ { proxy_pass http://b; } }\n");
        }
        NginxConfig model = LocationMatcherTest.model(config.append("}\n").toString());
        assertEquals(servers, model.servers().size());
        for (int i = 0; i < servers; i++) {
            assertEquals("s" + i + ".example", model.servers().get(i).primaryName());
        }
        List<Location> locations = model.locations();
        assertEquals(servers * 2, locations.size());
        HeaderSet shared = model.headers(locations.get(0));
        for (int i = 0; i < locations.size(); i++) {
            assertEquals(i, locations.get(i).index());
            assertSame(locations.get(i).server(), model.servers().get(i / 2));
            assertSame(shared, model.headers(locations.get(i)));
        }
        assertEquals("b", model.proxyPass(locations.get(locations.size() - 1)).orElseThrow().host());
    }
}
