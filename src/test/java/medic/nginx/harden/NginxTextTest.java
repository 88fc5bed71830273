package medic.nginx.harden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import medic.MedicException;
import medic.nginx.config.ConfigFile;
import medic.nginx.config.ConfigParser;
import medic.nginx.config.Directive;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NginxTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"$http_upgrade", "", "a b", "x;y", "{", "}", "#not-a-comment", "\"quoted\"", "it's",
            "\\.php$", "C:\\temp\\", "tab\\there", "${host}-x", "a{b", "back\\\"slash"})
    void nginx_reads_every_written_value_back_unchanged(String value) {
        ConfigFile file = ConfigParser.parse("t.conf", "add_header X " + NginxText.word(value) + ";\n");
        assertEquals(List.of("X", value), ((Directive) file.nodes().get(0)).args());
    }

    @Test
    void plain_values_stay_bare_and_empty_literals_mean_the_empty_string() {
        assertEquals("$connection_upgrade", NginxText.word("$connection_upgrade"));
        assertEquals("\"\"", NginxText.word("\"\""));
        assertEquals("\"\"", NginxText.word("''"));
        assertEquals("proxy_set_header Connection \"\";", NginxText.directive("proxy_set_header", List.of("Connection", "")));
    }

    @Test
    void text_that_no_longer_parses_fails_loudly_naming_the_file() {
        MedicException e = assertThrows(MedicException.class,
                () -> Hardener.validate("/etc/nginx/conf.d/app.conf", "conf.d/app.conf", "http {\n"));
        assertTrue(e.getMessage().contains("conf.d/app.conf"), e.getMessage());
        assertTrue(e.getMessage().contains("hardener bug"), e.getMessage());
    }
}
