package medic.nginx.harden;

import static medic.nginx.harden.Configs.harden;
import static medic.nginx.harden.Configs.lines;
import static medic.nginx.harden.Configs.server;
import static medic.nginx.harden.Configs.upstream;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import medic.nginx.diagnosis.Change;
import medic.nginx.model.NginxConfig;
import org.junit.jupiter.api.Test;

class UpstreamTest {
    private static final String POOL = lines(
            "http {",
            "    upstream app {",
            "        least_conn;",
            "        server 10.0.0.1:3000 weight=2;  # blue",
            "        server 10.0.0.2:3000 max_fails=1 backup;",
            "    }",
            "}");

    @Test
    void appends_or_replaces_server_parameters_in_place_keeping_the_others_and_their_order() {
        NginxConfig config = Configs.of(POOL);
        String out = harden(config,
                new Change.SetServerParam(server(config, "app", "10.0.0.1:3000"), "max_fails", "3"),
                new Change.SetServerParam(server(config, "app", "10.0.0.1:3000"), "fail_timeout", "30s"),
                new Change.SetServerParam(server(config, "app", "10.0.0.2:3000"), "max_fails", "3"),
                new Change.SetServerParam(server(config, "app", "10.0.0.2:3000"), "fail_timeout", "30s"));
        assertEquals(POOL.replace("weight=2;", "weight=2 max_fails=3 fail_timeout=30s;")
                .replace("max_fails=1 backup;", "max_fails=3 backup fail_timeout=30s;"), out);
    }

    @Test
    void adds_keepalive_after_the_server_lines_and_its_family_after_it() {
        NginxConfig config = Configs.of(POOL);
        var app = upstream(config, "app").scope();
        String out = harden(config,
                new Change.SetDirective(app, "keepalive", List.of("64")),
                new Change.SetDirective(app, "keepalive_requests", List.of("10000")),
                new Change.SetDirective(app, "keepalive_timeout", List.of("75s")));
        assertEquals(POOL.replace("backup;\n", "backup;\n        keepalive 64;\n        keepalive_requests 10000;\n"
                + "        keepalive_timeout 75s;\n"), out);
        NginxConfig hardened = Configs.of(out);
        var again = upstream(hardened, "app").scope();
        String twice = harden(hardened, new Change.SetDirective(again, "keepalive_timeout", List.of("60s")),
                new Change.SetDirective(again, "keepalive", List.of("64")));
        assertEquals(out.replace("keepalive_timeout 75s;", "keepalive_timeout 60s;"), twice);
    }

    @Test
    void an_empty_value_adds_a_flag_once() {
        NginxConfig config = Configs.of(POOL);
        String out = harden(config, new Change.SetServerParam(server(config, "app", "10.0.0.1:3000"), "resolve", ""),
                new Change.SetServerParam(server(config, "app", "10.0.0.2:3000"), "backup", ""));
        assertEquals(POOL.replace("weight=2;", "weight=2 resolve;"), out);
    }
}
