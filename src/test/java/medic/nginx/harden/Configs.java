package medic.nginx.harden;

import java.util.List;
import medic.nginx.config.ConfigTree;
import medic.nginx.config.DumpConfigSource;
import medic.nginx.diagnosis.Change;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Scope;
import medic.nginx.model.Upstream;
import medic.nginx.model.UpstreamServer;

/** Small in-memory configs for hardener tests, read the way an {@code nginx -T} dump is. */
final class Configs {
    static final String MAIN = "/etc/nginx/nginx.conf";

    private Configs() {
    }

    /** A config from (absolute path, text) pairs; the first file is the main one. */
    static NginxConfig files(String... pathsAndTexts) {
        StringBuilder dump = new StringBuilder("nginx: the configuration file " + pathsAndTexts[0] + " syntax is ok\n");
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            dump.append("# configuration file ").append(pathsAndTexts[i]).append(":\n")
                    .append(pathsAndTexts[i + 1]).append('\n');
        }
        ConfigTree tree = DumpConfigSource.load(dump.toString(), "test");
        return NginxConfig.of(tree, null);
    }

    static NginxConfig of(String text) {
        return files(MAIN, text);
    }

    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    static Location location(NginxConfig config, String pattern) {
        return config.locations().stream().filter(l -> l.pattern().equals(pattern)).findFirst().orElseThrow();
    }

    static Scope scope(NginxConfig config, String pattern) {
        return location(config, pattern).scope();
    }

    static Upstream upstream(NginxConfig config, String name) {
        return config.upstreams().get(name);
    }

    static UpstreamServer server(NginxConfig config, String upstream, String address) {
        return upstream(config, upstream).servers().stream().filter(s -> s.address().equals(address))
                .findFirst().orElseThrow();
    }

    /** The main file's text after applying {@code changes} (unchanged text when there is nothing to do). */
    static String harden(NginxConfig config, Change... changes) {
        return after(Hardener.proposeChanges(config, List.of(changes)), config.tree().mainPath(), config);
    }

    static String after(Proposal proposal, String path, NginxConfig config) {
        return proposal.files().stream().filter(f -> f.path().equals(path)).map(FileChange::after).findFirst()
                .orElse(config.tree().file(path).source());
    }
}
