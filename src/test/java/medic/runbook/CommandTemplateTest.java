package medic.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import medic.inventory.HostEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command templates: inventory values only, each one single-quoted, so the shell never interprets a value. */
class CommandTemplateTest {
    private static final HostEntry EDGE = Hosts.ssh("edge-1", "10.0.1.11", "/usr/sbin/nginx", "/etc/nginx/nginx.conf",
            List.of("/var/log/nginx/error.log", "/var/log/nginx/ws.log"));

    @Test
    void renders_every_variable_as_quoted_words() {
        assertEquals("'/usr/sbin/nginx' -V 2>&1", CommandTemplate.render("{{host.nginx.binary}} -V 2>&1", EDGE));
        assertEquals("ls '/etc/nginx'; echo 'edge-1' '10.0.1.11' '/etc/nginx/nginx.conf'",
                CommandTemplate.render("ls {{ host.nginx.config_dir }}; echo {{host.name}} {{host.address}} {{host.nginx.config}}", EDGE));
        assertEquals("wc -l '/var/log/nginx/error.log' '/var/log/nginx/ws.log'",
                CommandTemplate.render("wc -l {{host.nginx.error_logs}}", EDGE));
        assertEquals("tail '/var/log/nginx/error.log'", CommandTemplate.render("tail {{host.nginx.error_log}}", EDGE));
        assertEquals("ping 'localhost'", CommandTemplate.render("ping {{host.address}}",
                Hosts.local("here", "", "/usr/sbin/nginx", "/etc/nginx/nginx.conf", List.of("/var/log/nginx/error.log"))));
    }

    @Test
    void text_without_placeholders_is_left_as_the_author_wrote_it() {
        assertEquals("systemctl is-active nginx && echo \"$HOME\"",
                CommandTemplate.render("systemctl is-active nginx && echo \"$HOME\"", EDGE));
    }

    @Test
    void a_single_quote_in_a_value_is_closed_escaped_and_reopened() {
        HostEntry host = Hosts.ssh("edge-1", "10.0.1.11", "/opt/it's/nginx", "/etc/nginx/nginx.conf", List.of("/l"));
        assertEquals("'/opt/it'\\''s/nginx' -v", CommandTemplate.render("{{host.nginx.binary}} -v", host));
    }

    @Test
    void unknown_variables_are_refused_with_the_allowed_list() {
        TemplateException e = assertThrows(TemplateException.class, () -> CommandTemplate.parse("{{host.user}} x"));
        assertEquals("unknown variable {{host.user}}; allowed: host.name, host.address, host.nginx.binary,"
                + " host.nginx.config, host.nginx.config_dir, host.nginx.error_log, host.nginx.error_logs", e.getMessage());
    }

    @Test
    void alert_references_are_refused_in_every_common_spelling() {
        for (String reference : List.of("{{alert.labels.instance}}", "{{ .Labels.instance }}", "{{ $labels.instance }}",
                "{{labels.instance}}", "{{ .CommonLabels.job }}", "{{annotations.summary}}", "{{ .GroupLabels.x }}",
                "{{ $value }}", "{{ index .Labels \"instance\" }}", "{{ .Alerts.Firing }}")) {
            TemplateException e = assertThrows(TemplateException.class, () -> CommandTemplate.parse("echo " + reference),
                    reference);
            assertTrue(e.getMessage().contains("refers to the alert; alert labels and annotations never reach a shell"),
                    reference + ": " + e.getMessage());
        }
    }

    @Test
    void broken_braces_and_empty_commands_are_refused() {
        assertEquals("\"{{\" at character 6 is never closed with \"}}\"",
                assertThrows(TemplateException.class, () -> CommandTemplate.parse("echo {{host.name")).getMessage());
        assertTrue(assertThrows(TemplateException.class, () -> CommandTemplate.parse("echo {{}}")).getMessage()
                .startsWith("\"{{}}\" names no variable"));
        assertEquals("the command is empty", assertThrows(TemplateException.class, () -> CommandTemplate.parse("  ")).getMessage());
    }

    /** Values that would run {@code touch} (or redirect into the canary) if the shell interpreted them. */
    static List<String> hostileValues(Path canary) {
        String touch = "touch " + canary;
        return List.of(
                "edge; " + touch,
                "$(" + touch + ")",
                "`" + touch + "`",
                "edge\n" + touch,
                "edge' ; " + touch + " ; echo '",
                "edge\" ; " + touch + " ; echo \"",
                "'$(" + touch + ")'",
                "\\'; " + touch + " #",
                "edge && " + touch,
                "edge | " + touch,
                "> " + canary,
                "${IFS}; " + touch,
                "'\"'\"'; " + touch + "; '");
    }

    @Test
    void hostile_inventory_values_never_execute_through_the_real_shell(@TempDir Path dir) throws Exception {
        Path canary = dir.resolve("canary");
        List<String> hostile = hostileValues(canary);
        for (String value : hostile) {
            HostEntry host = Hosts.ssh(value, value, "/" + value, "/etc/" + value, List.of("/var/log/" + value, "/l/" + value));
            String command = CommandTemplate.render("printf '%s\\n' {{host.name}} {{host.address}} {{host.nginx.binary}}"
                    + " {{host.nginx.config}} {{host.nginx.config_dir}} {{host.nginx.error_logs}}", host);
            Sh.Result result = Sh.run(command, dir);
            assertEquals(0, result.exit(), command + "\n" + result.err());
            assertFalse(Files.exists(canary), "the shell ran part of a value: " + value);
            List<String> expected = new ArrayList<>(List.of(value, value, "/" + value, "/etc/" + value));
            expected.add(host.nginx().configDirectory());
            expected.addAll(List.of("/var/log/" + value, "/l/" + value));
            assertEquals(String.join("\n", expected) + "\n", result.out(), "each value arrives as one intact word");
        }
    }

    @Test
    void the_canary_is_not_a_dud(@TempDir Path dir) {
        Path canary = dir.resolve("canary");
        Sh.run("echo " + hostileValues(canary).get(0), dir);
        assertTrue(Files.exists(canary), "unquoted, the first hostile value does run touch: the canary can fire");
    }
}
