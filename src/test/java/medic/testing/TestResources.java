package medic.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Locates test fixtures (files under src/test/resources) as paths on disk. */
public final class TestResources {

    private TestResources() {
    }

    /** The file or directory of a classpath resource such as {@code "nginx/harness/valid"}. */
    public static Path path(String resource) {
        URL url = TestResources.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException("no test resource \"" + resource
                    + "\": put it under src/test/resources/" + resource);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException("test resource \"" + resource + "\" is not a file on disk: " + url, e);
        }
    }
}
