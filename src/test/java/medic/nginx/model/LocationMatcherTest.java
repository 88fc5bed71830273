package medic.nginx.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import medic.nginx.config.ConfigTree;
import medic.nginx.config.DumpConfigSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocationMatcherTest {
    private static final String CONFIG = String.join("\n",
            "http {",
            "  server {",
            "    listen 80;",
            "    server_name a.example;",
            "    location = /exact { }",
            "    location / { }",
            "    location /ws/ {",
            "      location ~ /ws/admin { }",
            "      location /ws/deep/ { }",
            "    }",
            "    location ^~ /static/ { }",
            "    location ~* \\.(png|JPG)$ { }",
            "    location ~ ^/api/v(?<ver>\\d+)/(?<rest_of>.*)$ { }",
            "    location /api/ { }",
            "    location @fallback { }",
            "  }",
            "}",
            "");

    private static final NginxConfig MODEL = model(CONFIG);

    static NginxConfig model(String config) {
        ConfigTree tree = DumpConfigSource.load("# configuration file /etc/nginx/nginx.conf:\n" + config + "\n", "test");
        return NginxConfig.of(tree, null);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/exact, location = /exact",
        "/exact/more, location /",
        "/ws/chat, location /ws/",
        "/ws/admin/x, location ~ /ws/admin",
        "/ws/deep/x.png, location ~* \\.(png|JPG)$",
        "/static/a.png, location ^~ /static/",
        "/img/a.PNG, location ~* \\.(png|JPG)$",
        "/api/v2/orders, location ~ ^/api/v(?<ver>\\d+)/(?<rest_of>.*)$",
        "/api/health, location /api/",
        "/ws/chat?token=x, location /ws/",
        "//ws//chat, location /ws/",
        "/%77s/chat, location /ws/",
        "/fallback, location /",
    })
    void picks_the_location_nginx_would(String uri, String expected) {
        Server server = MODEL.servers().get(0);
        assertEquals(expected, MODEL.locationFor(server, uri).map(Location::label).orElse("none"));
    }
}
