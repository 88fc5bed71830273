package medic.console;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import medic.demo.Demo;
import medic.testing.RequiresProgram;
import org.junit.jupiter.api.Test;

/**
 * {@code medic demo} in a real browser: the watcher's incident arrives in the console with its diagnosis and diff,
 * Approve goes through the permission check and the apply, nginx is healed (WebSocket handshakes start to work),
 * and the paste panel diagnoses a broken config. The screenshot is kept as target/console.png.
 */
@RequiresProgram("nginx")
@RequiresProgram(value = "chromedriver", aptPackage = "chromium-driver")
class ConsoleInBrowserTest {
    private static final Duration INCIDENT = Duration.ofSeconds(90);

    @Test
    void the_console_shows_the_diagnosis_applies_the_approved_fix_and_diagnoses_a_pasted_config() throws Exception {
        try (Demo demo = Demo.start(0); WebDriver browser = WebDriver.start()) {
            String before = Files.readString(demo.nginxConfig());
            browser.open(demo.consoleUrl());

            String thread = browser.await("#threads", text -> text.contains("WS02") && text.contains("Approve")
                    && text.contains("proxy_http_version 1.1"),
                    INCIDENT);
            assertTrue(thread.contains("demo-edge"), thread);
            assertTrue(browser.text("#threads .diff-add").startsWith("+"), "added lines are marked as such");

            browser.click("button[data-action='medic_approve']");
            browser.acceptConfirmation(); // Approve asks "are you sure", as Slack's confirm dialog does
            browser.await("button[data-action='medic_rollback']", text -> !text.isEmpty(), INCIDENT);
            assertNotEquals(before, Files.readString(demo.nginxConfig()), "medic changed the live nginx config");
            long healedBy = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (demo.upgraded() == 0 && System.nanoTime() < healedBy) {
                Thread.sleep(100);
            }
            assertTrue(demo.upgraded() > 0, "WebSocket handshakes through nginx work after the fix");
            browser.screenshot(Path.of("target/console-incident.png"));

            browser.fill("#paste-config", Files.readString(Path.of("src/main/resources/examples/seed-incident/nginx.conf")));
            browser.click("#paste-run");
            String findings = browser.await("#paste-result", text -> text.contains("finding"), Duration.ofSeconds(20));
            assertTrue(findings.contains("WS02"), findings);
            assertTrue(browser.text("#paste-diff").contains("proxy_http_version 1.1"));
            browser.screenshot(Path.of("target/console.png"));
        }
    }
}
