package medic.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import medic.MedicException;
import medic.nginx.config.ConfigTree;
import medic.nginx.config.DumpConfigSource;

/** A config and error log shipped inside the jar, so a newcomer can see a diagnosis before pointing medic at theirs. */
record Example(ConfigTree tree, byte[] errorLog) {
    private static final String ROOT = "/examples/";

    static Example load(String name) {
        byte[] config = resource(name, "nginx.conf");
        if (config == null) {
            throw new MedicException("--example " + name + ": no such example (available: seed-incident)");
        }
        // Presented as a one-file nginx -T dump, so paths read examples/NAME/nginx.conf and nothing touches the disk.
        String dump = "# configuration file " + ROOT + name + "/nginx.conf:\n"
                + new String(config, StandardCharsets.UTF_8) + "\n";
        return new Example(DumpConfigSource.load(dump, "example " + name), resource(name, "error.log"));
    }

    private static byte[] resource(String name, String file) {
        try (InputStream in = Example.class.getResourceAsStream(ROOT + name + "/" + file)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled example " + name + "/" + file, e);
        }
    }
}
