package medic.nginx.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import medic.nginx.config.Directive;
import org.junit.jupiter.api.Test;

class SharedLookupsTest {
    private static final String CONFIG = String.join("\n",
            "http {",
            "  proxy_set_header Host $host;",
            "  server {",
            "    server_name big.example;",
            "    add_header A 1; add_header B 2; add_header C 3; add_header D 4; add_header E 5; add_header F 6;",
            "    add_header G 7; add_header H 8; add_header I 9; add_header J 10; add_header K 11; add_header L 12;",
            "    proxy_read_timeout 7s;",
            "    location /a/ { proxy_pass http://a; }",
            "    location /b/ { proxy_pass http://b; }",
            "    location /c/ { proxy_pass http://c; proxy_set_header CONNECTION \"\"; proxy_set_header Upgrade x; }",
            "  }",
            "  server {",
            "    server_name small.example;",
            "    add_header A 1; add_header B 2; proxy_read_timeout 8s;",
            "    location /a/ { proxy_pass http://a; }",
            "  }",
            "}",
            "");

    private final NginxConfig model = LocationMatcherTest.model(CONFIG);

    private Location at(String server, String uri) {
        return model.locationForLogLine(server, server, uri).orElseThrow();
    }

    @Test
    void a_level_indexed_by_name_and_a_scanned_one_give_the_same_answers() {
        Scope big = at("big.example", "/a/").server().scope();
        Scope small = at("small.example", "/a/").server().scope();
        assertEquals(List.of("A", "B"), small.all("add_header").stream().map(d -> d.arg(0)).limit(2).toList());
        assertEquals(List.of("A", "B"), big.all("add_header").stream().map(d -> d.arg(0)).limit(2).toList());
        assertEquals(12, big.all("add_header").size());
        assertEquals("L", big.find("add_header").arg(0));
        assertEquals("B", small.find("add_header").arg(0));
        assertNull(big.find("absent"));
        assertNull(small.find("absent"));
        assertEquals(List.of(), small.all("absent"));
        assertEquals("7s", model.effective(at("big.example", "/b/"), "proxy_read_timeout").value());
        assertEquals("8s", model.effective(at("small.example", "/a/"), "proxy_read_timeout").value());
    }

    @Test
    void locations_under_one_level_share_its_header_set() {
        HeaderSet a = model.headers(at("big.example", "/a/"));
        assertSame(a, model.headers(at("big.example", "/b/")));
        assertSame(a, model.headers(at("small.example", "/a/")));
        assertEquals("$host", a.value("HOST"));
    }

    @Test
    void header_names_match_in_any_case_and_the_last_line_wins() {
        HeaderSet c = model.headers(at("big.example", "/c/"));
        Directive connection = c.get("Connection");
        assertEquals("CONNECTION", connection.arg(0));
        assertEquals("", c.value("connection"));
        assertEquals("x", c.value("UPGRADE"));
        assertNull(c.get("Connectio"));
        assertEquals(List.of("Host"), c.droppedWithoutReplacement().stream().map(d -> d.arg(0)).toList());
    }

    @Test
    void every_location_knows_its_place_in_the_list() {
        List<Location> all = model.locations();
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i, all.get(i).index());
        }
    }
}
