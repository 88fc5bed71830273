package medic.nginx.harden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Change.AddDirective;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Scope;
import medic.nginx.model.Upstream;
import org.junit.jupiter.api.Test;

/** A config split over files in different styles: each edit lands in the file that holds its block. */
class SplitConfigTest {
    static final Path SPLIT = Path.of("src/test/resources/harden/split");

    private static List<Change> changes(NginxConfig config) {
        Scope chat = Configs.scope(config, "/chat/");
        Upstream pool = config.upstreams().get("chat");
        return List.of(
                new Change.EnsureUpgradeMap("$connection_upgrade", "\"\""),
                AddDirective.upsert(chat, "proxy_set_header", List.of("Upgrade", "$http_upgrade"), 1),
                AddDirective.upsert(chat, "proxy_set_header", List.of("Connection", "$connection_upgrade"), 1),
                new Change.SetDirective(chat, "proxy_read_timeout", List.of("3600s")),
                new Change.SetDirective(chat, "proxy_http_version", List.of("1.1")),
                new Change.SetServerParam(pool.servers().get(0), "max_fails", "3"),
                new Change.SetDirective(pool.scope(), "keepalive_timeout", List.of("75s")));
    }

    @Test
    void edits_each_file_in_its_own_style_and_the_map_goes_to_the_http_block() {
        NginxConfig config = SeedHardeningTest.load(SPLIT);
        Proposal proposal = Hardener.proposeChanges(config, changes(config));
        assertEquals(List.of("nginx.conf", "conf.d/app.conf"),
                proposal.files().stream().map(FileChange::relativePath).toList());
        assertEquals(config.tree().file(config.tree().mainPath()).source().replace(
                        "$proxy_add_x_forwarded_for;\n",
                        "$proxy_add_x_forwarded_for;\n\n    map $http_upgrade $connection_upgrade {\n"
                                + "        default upgrade;\n        ''      \"\";\n    }\n"),
                proposal.files().get(0).after());
        String app = proposal.files().get(1).before();
        assertEquals(app.replace("weight=5;", "weight=5 max_fails=3;")
                        .replace("\tkeepalive 16;\r\n", "\tkeepalive 16;\r\n\tkeepalive_timeout 75s;\r\n")
                        .replace("\t\tproxy_read_timeout 60s; # default\r\n", "\t\tproxy_read_timeout 3600s; # default\r\n"
                                + "\t\tproxy_set_header Host $host;\r\n"
                                + "\t\tproxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\r\n"
                                + "\t\tproxy_set_header Upgrade $http_upgrade;\r\n"
                                + "\t\tproxy_set_header Connection $connection_upgrade;\r\n"
                                + "\t\tproxy_http_version 1.1;\r\n"),
                proposal.files().get(1).after());
    }

    @Test
    void both_files_pass_nginx_t_and_patch_applies_the_combined_diff() throws IOException {
        NginxConfig config = SeedHardeningTest.load(SPLIT);
        Proposal proposal = Hardener.proposeChanges(config, changes(config));
        Path written = RealTools.copy(SPLIT);
        RealTools.write(written, proposal);
        RealTools.Run run = RealTools.nginxTest(written.resolve("nginx.conf"));
        assertEquals(0, run.exit(), run.output());

        Path patched = RealTools.copy(SPLIT);
        RealTools.Run patch = RealTools.patch(patched, proposal.unifiedDiff());
        assertEquals(0, patch.exit(), patch.output());
        for (FileChange file : proposal.files()) {
            assertEquals(file.after(), Files.readString(patched.resolve(file.relativePath())), file.relativePath());
        }
    }

    @Test
    void applying_the_same_changes_to_the_hardened_files_changes_nothing() {
        NginxConfig config = SeedHardeningTest.load(SPLIT);
        NginxConfig hardened = Hardener.hardened(config, Hardener.proposeChanges(config, changes(config)));
        Proposal again = Hardener.proposeChanges(hardened, changes(hardened));
        assertTrue(again.isEmpty(), again.unifiedDiff());
    }
}
