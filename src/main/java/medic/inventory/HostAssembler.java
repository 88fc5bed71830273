package medic.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import medic.inventory.yaml.Problems;
import medic.inventory.yaml.Suggestions;
import medic.inventory.yaml.YamlMap;

/**
 * Turns host drafts into {@link HostEntry}s: applies the defaults, checks that SSH hosts have everything a
 * verified connection needs and local hosts nothing SSH-only, and resolves jump hosts (unknown, local or
 * cyclic jumps are problems).
 */
final class HostAssembler {
    private final List<HostDraft> drafts;
    private final HostDraft defaults;
    private final Problems problems;
    private final Map<String, HostEntry> built = new HashMap<>();
    private Map<String, HostDraft> byName;

    HostAssembler(List<HostDraft> drafts, HostDraft defaults, Problems problems) {
        this.drafts = drafts;
        this.defaults = defaults == null ? new HostDraft(null) : defaults;
        this.problems = problems;
    }

    List<HostEntry> assemble() {
        byName = InventoryLoader.byName(drafts, problems);
        for (HostDraft draft : drafts) {
            checkComplete(draft);
        }
        checkJumps();
        if (!problems.isEmpty()) {
            return List.of();
        }
        List<HostEntry> entries = new ArrayList<>();
        for (HostDraft draft : drafts) {
            entries.add(build(draft));
        }
        return entries;
    }

    private void checkComplete(HostDraft draft) {
        String name = draft.name == null ? "this host" : draft.name;
        if (draft.transportInvalid) {
            return;
        }
        if (draft.transport == Transport.LOCAL) {
            for (YamlMap.Entry ssh : draft.sshFields) {
                problems.add(ssh.keyLocation(), ssh.value().path(), "host " + name + " has transport local (medic runs"
                        + " its commands itself); remove " + ssh.key() + ", which is for ssh hosts");
            }
            return;
        }
        String path = draft.node.path();
        if (draft.address == null && !draft.node.entries().containsKey("address")) {
            problems.add(draft.node.location(), path + ".address", "missing; give the host's DNS name or IP address,"
                    + " or transport: local if medic runs on this host");
        }
        if (pick(draft.user, defaults.user) == null && !written(draft, "user")) {
            problems.add(draft.node.location(), path + ".user", "missing; give the SSH login here or in defaults");
        }
        if (pick(draft.key, defaults.key) == null && !written(draft, "key")) {
            problems.add(draft.node.location(), path + ".key", "missing; give a private key file (key: {file: ...})"
                    + " or variable (key: {env: ...}) here or in defaults");
        }
        if (pick(draft.knownHosts, defaults.knownHosts) == null && !written(draft, "known_hosts")) {
            problems.add(draft.node.location(), path + ".known_hosts", "missing; medic verifies every host key: give a"
                    + " known_hosts file here or in defaults (ssh-keyscan the host, then check the fingerprint)");
        }
    }

    private boolean written(HostDraft draft, String key) {
        return draft.node.entries().containsKey(key) || defaults.node != null && defaults.node.entries().containsKey(key);
    }

    private void checkJumps() {
        Set<String> reported = new LinkedHashSet<>();
        for (HostDraft draft : drafts) {
            if (draft.jump == null || draft.transport == Transport.LOCAL) {
                continue;
            }
            HostDraft target = byName.get(draft.jump);
            if (target == null) {
                problems.add(draft.jumpNode, "no host named \"" + draft.jump + "\" in this inventory"
                        + Suggestions.didYouMean(draft.jump, byName.keySet()) + "; a jump host must be listed as a host too");
            } else if (target.transport == Transport.LOCAL) {
                problems.add(draft.jumpNode, "host " + draft.jump + " has transport local and cannot be a jump host");
            } else {
                List<String> chain = cycle(draft);
                if (!chain.isEmpty() && reported.add(String.join(",", new java.util.TreeSet<>(chain)))) {
                    problems.add(draft.jumpNode, "jump hosts form a cycle: " + String.join(" -> ", chain)
                            + "; the last hop must be reachable directly (no jump)");
                }
            }
        }
    }

    /** The cycle this host's jump chain runs into, starting and ending at this host; empty when none. */
    private List<String> cycle(HostDraft start) {
        List<String> chain = new ArrayList<>(List.of(start.name));
        HostDraft at = start;
        while (at.jump != null && byName.containsKey(at.jump)) {
            if (chain.contains(at.jump)) {
                chain.add(at.jump);
                return at.jump.equals(start.name) ? chain : List.of();
            }
            chain.add(at.jump);
            at = byName.get(at.jump);
        }
        return List.of();
    }

    private HostEntry build(HostDraft draft) {
        HostEntry done = built.get(draft.name);
        if (done != null) {
            return done;
        }
        String binary = pick(draft.binary, defaults.binary, NginxSettings.DEFAULT_BINARY);
        NginxSettings nginx = new NginxSettings(binary,
                pick(draft.config, defaults.config, NginxSettings.DEFAULT_CONFIG),
                pick(draft.errorLogs, defaults.errorLogs, List.of(NginxSettings.DEFAULT_ERROR_LOG)),
                pick(draft.reload, defaults.reload, NginxSettings.defaultReload(binary)),
                pick(draft.verify, defaults.verify, VerifyTargets.NONE),
                pick(draft.backendIdleTimeouts, defaults.backendIdleTimeouts, java.util.Map.of()));
        String sudo = pick(draft.sudo, defaults.sudo, "");
        HostEntry entry;
        if (draft.transport == Transport.LOCAL) {
            entry = new HostEntry(draft.name, Transport.LOCAL, null, 0, null, null, null, null, sudo, nginx, draft.matchers);
        } else {
            HostEntry jump = draft.jump == null ? null : build(byName.get(draft.jump));
            entry = new HostEntry(draft.name, Transport.SSH, draft.address, pick(draft.port, defaults.port, 22),
                    pick(draft.user, defaults.user), pick(draft.key, defaults.key),
                    pick(draft.knownHosts, defaults.knownHosts), jump, sudo, nginx, draft.matchers);
        }
        built.put(draft.name, entry);
        return entry;
    }

    @SafeVarargs
    private static <T> T pick(T... choices) {
        for (T choice : choices) {
            if (choice != null) {
                return choice;
            }
        }
        return null;
    }
}
