package medic.inventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import medic.inventory.yaml.YamlMap;
import medic.inventory.yaml.YamlNode;

/**
 * What one host entry (or the defaults section) writes, typed and checked field by field but not yet merged
 * with the defaults or checked for completeness. Null means "not written". Nodes are kept for messages.
 */
final class HostDraft {
    final YamlMap node;
    String name;
    YamlNode nameNode;
    Transport transport;
    /** A transport was written but is not one medic knows: which fields are required is then unknown. */
    boolean transportInvalid;
    String address;
    Integer port;
    String user;
    KeySource key;
    Path knownHosts;
    String jump;
    YamlNode jumpNode;
    String sudo;
    String binary;
    String config;
    List<String> errorLogs;
    String reload;
    VerifyTargets verify;
    java.util.Map<String, java.time.Duration> backendIdleTimeouts;
    List<LabelMatcher> matchers = List.of();
    /** SSH-only fields the entry wrote, so a local host that writes one can be told to remove it. */
    final List<YamlMap.Entry> sshFields = new ArrayList<>();

    HostDraft(YamlMap node) {
        this.node = node;
    }
}
