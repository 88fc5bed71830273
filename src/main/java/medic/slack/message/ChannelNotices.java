package medic.slack.message;

import static medic.slack.message.MessageTemplates.vars;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import medic.slack.SlackMessage;

/** Channel notices that belong to no incident: an alert for a host the inventory does not know. */
public final class ChannelNotices {
    static final int LABELS = 12;
    /** Labels that say what fired, not where: never suggested as host matchers. */
    private static final Set<String> NOT_HOST_LABELS = Set.of("alertname", "severity", "job", "team", "service",
            "prometheus", "monitor", "upstream", "le", "quantile");
    private final MessageTemplates templates;

    public ChannelNotices(MessageTemplates templates) {
        this.templates = templates;
    }

    /** Says which labels the alert had and the labels: entry that would map it to a host in {@code inventoryFile}. */
    public SlackMessage unknownHost(String alertName, Map<String, String> labels, String inventoryFile) {
        Map<String, String> sorted = new TreeMap<>(labels);
        String list = sorted.entrySet().stream().limit(LABELS)
                .map(e -> templates.mrkdwn("notice.unknown_host.label", vars("name", Truncation.fitPlain(e.getKey(), 60),
                        "value", Truncation.fitPlain(String.valueOf(e.getValue()), 200))).text())
                .collect(Collectors.joining("\n"));
        if (sorted.size() > LABELS) {
            list += "\n" + templates.mrkdwn("command.more", vars("count", sorted.size() - LABELS)).text();
        }
        if (list.isEmpty()) {
            list = Mrkdwn.escape("(none)");
        }
        Mrkdwn text = templates.mrkdwn("notice.unknown_host", vars("alert", ThreadReplies.clip(alertName),
                "labels", Mrkdwn.trusted(list), "snippet", CodeBlock.of(snippet(sorted), 800, 8, n -> "\u2026"),
                "inventory", inventoryFile == null ? "inventory.yaml" : Truncation.fitPlain(inventoryFile, 200)));
        Mrkdwn fallback = templates.mrkdwn("notice.unknown_host.fallback", vars("alert", ThreadReplies.clip(alertName)));
        return new BlockList().section(text).build(fallback);
    }

    /** The host-identifying labels as an inventory labels: entry; instance alone when the alert has one. */
    static String snippet(Map<String, String> labels) {
        Map<String, String> chosen = new TreeMap<>();
        if (labels.containsKey("instance")) {
            chosen.put("instance", labels.get("instance"));
        } else {
            labels.forEach((k, v) -> {
                if (!NOT_HOST_LABELS.contains(k)) {
                    chosen.put(k, v);
                }
            });
        }
        StringBuilder yaml = new StringBuilder("labels:\n");
        if (chosen.isEmpty()) {
            yaml.append("  instance: \"<the instance label of the host's exporter>\"\n");
        }
        chosen.entrySet().stream().limit(5).forEach(e -> yaml.append("  ").append(key(e.getKey())).append(": ")
                .append(quote(Truncation.fitPlain(String.valueOf(e.getValue()), 200))).append('\n'));
        return yaml.toString();
    }

    private static String key(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : quote(name);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
