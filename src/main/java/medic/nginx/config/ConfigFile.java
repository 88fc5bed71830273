package medic.nginx.config;

import java.util.List;

/** One parsed file: its top-level nodes and the text after the last one; printing gives back the source. */
public record ConfigFile(String path, String source, List<Node> nodes, String trailing) {
    public ConfigFile {
        nodes = List.copyOf(nodes);
    }

    /** The file's text rebuilt from the tree; equal to {@link #source()} byte for byte. */
    public String print() {
        StringBuilder out = new StringBuilder(source.length());
        for (Node node : nodes) {
            node.print(out);
        }
        return out.append(trailing).toString();
    }
}
