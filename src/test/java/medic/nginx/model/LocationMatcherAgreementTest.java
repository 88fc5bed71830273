package medic.nginx.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import medic.nginx.config.ConfigTree;
import medic.nginx.config.DiskConfigSource;
import medic.testing.NginxHarness;
import medic.testing.Ports;
import medic.testing.RequiresProgram;
import medic.testing.RunningNginx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/** The real nginx answers which location served each URI (each returns its own line number); medic's server and location selection must agree. */
@RequiresProgram(value = "nginx", aptPackage = "nginx")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocationMatcherAgreementTest {
    private static final Path DIR = Path.of("src/test/resources/model/locations");
    private RunningNginx nginx;
    private int port;

    @BeforeAll
    void start() {
        port = Ports.freePort();
        nginx = NginxHarness.installed().start(DIR, "nginx.conf", Map.of("@PORT@", String.valueOf(port)), port);
    }

    @AfterAll
    void stop() {
        if (nginx != null) {
            nginx.close();
        }
    }

    @TestFactory
    List<DynamicTest> medic_picks_the_location_nginx_picks() throws IOException {
        ConfigTree tree = DiskConfigSource.load(DIR.resolve("nginx.conf"), null);
        NginxConfig model = NginxConfig.of(tree, null);
        return Files.readAllLines(DIR.resolve("uris.txt")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(line -> DynamicTest.dynamicTest(line, () -> {
                    String[] parts = line.split(" ");
                    String uri = parts[0];
                    String host = parts.length > 1 ? parts[1] : "primary.test";
                    String actual = ask(uri, host);
                    Server server = ServerSelector.select(model.servers(), host, null).orElseThrow();
                    String predicted = model.locationFor(server, uri).map(l -> "line " + l.block().line())
                            .orElse("no location");
                    assertEquals(actual, predicted, "URI " + uri + " Host " + host);
                }))
                .toList();
    }

    private String ask(String uri, String host) throws IOException {
        // Raw socket: java.net.http normalises paths such as //ws//chat that nginx must see as sent.
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET " + uri + " HTTP/1.0\r\nHost: " + host + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return response.substring(response.indexOf("\r\n\r\n") + 4);
        }
    }
}
