package medic.nginx.config;

import java.util.List;
import java.util.Optional;

/** Where config files come from: a directory on disk, or the files of an {@code nginx -T} dump. */
public interface ConfigSource {
    /** The text of an absolute path, or empty when there is no such file. */
    Optional<String> read(String absolutePath);

    /** Absolute paths matching a glob pattern (absolute), sorted as glob(3) sorts them. */
    List<String> glob(String absolutePattern);
}
