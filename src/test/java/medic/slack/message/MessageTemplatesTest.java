package medic.slack.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageTemplatesTest {

    @Test
    void the_shipped_templates_define_every_template_of_the_catalog() {
        MessageTemplates templates = MessageTemplates.defaults();
        for (TemplateSpec spec : TemplateCatalog.ALL) {
            Map<String, Object> values = new java.util.HashMap<>();
            spec.placeholders().forEach(p -> values.put(p, "v"));
            String rendered = spec.kind() == TemplateSpec.Kind.PLAIN ? templates.plain(spec.name(), values)
                    : templates.mrkdwn(spec.name(), values).text();
            assertTrue(!rendered.isBlank(), spec.name());
        }
    }

    @Test
    void the_readme_documents_every_template() throws IOException {
        String readme = Files.readString(Path.of("templates/README.md"));
        for (TemplateSpec spec : TemplateCatalog.ALL) {
            assertTrue(readme.contains("`" + spec.name() + "`"), "templates/README.md does not list " + spec.name());
        }
    }

    @Test
    void an_override_directory_replaces_single_templates(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("buttons.txt"), "[buttons.approve]\nShip it\n");
        MessageTemplates templates = MessageTemplates.load(dir);
        assertEquals("Ship it", templates.plain("buttons.approve", Map.of()));
        assertEquals("Reject", templates.plain("buttons.reject", Map.of()));
    }

    @Test
    void a_broken_override_names_its_own_file_and_line(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("incident.txt");
        Files.writeString(file, "# mine\n[incident.header]\nResets on {hostname}\n");
        TemplateException e = assertThrows(TemplateException.class, () -> MessageTemplates.load(dir));
        assertTrue(e.getMessage().startsWith(file + ":3: unknown placeholder {hostname} in [incident.header]"),
                e.getMessage());
    }

    @Test
    void an_unknown_file_or_a_missing_directory_is_refused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("incidents.txt"), "[x]\ny\n");
        assertTrue(assertThrows(TemplateException.class, () -> MessageTemplates.load(dir)).getMessage()
                .contains("not a template file medic knows"));
        assertTrue(assertThrows(TemplateException.class, () -> MessageTemplates.load(dir.resolve("nope")))
                .getMessage().contains("does not exist"));
    }
}
