package medic.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alerts find their host through the inventory's label matchers, with Alertmanager's semantics. */
class InventoryMatchTest {
    private static final Inventory FLEET = Inventory.load(Path.of("src/test/resources/inventory/valid/fleet.yaml"));

    private static List<String> hostsFor(Map<String, String> labels) {
        return FLEET.match(labels).stream().map(HostEntry::name).toList();
    }

    @Test
    void an_alert_picks_the_host_whose_matchers_all_hold() {
        assertEquals(List.of("eu-1"), hostsFor(Map.of("cluster", "eu", "instance", "eu-1:9113")));
        assertEquals(List.of("eu-2"), hostsFor(Map.of("cluster", "eu", "instance", "eu-2")));
    }

    @Test
    void regexes_are_anchored_at_both_ends() {
        assertEquals(List.of("eu-any"), hostsFor(Map.of("cluster", "eu", "instance", "xeu-1:9113")),
                "eu-1's regex must match the whole value, so only the negative matcher of eu-any holds");
        assertEquals(List.of(), hostsFor(Map.of("cluster", "eu", "instance", "eu-1:9113x")),
                "eu-1's regex stops at the port digits; eu-any's negative regex covers every eu-1 value");
    }

    @Test
    void a_missing_label_counts_as_empty() {
        assertEquals(List.of("eu-any"), hostsFor(Map.of("cluster", "eu")),
                "instance!~ and env!= hold for a missing label; eu-1 and eu-2 need an instance");
        assertEquals(List.of(), hostsFor(Map.of("cluster", "eu", "env", "staging", "instance", "eu-3")));
    }

    @Test
    void a_host_without_matchers_is_never_picked_by_an_alert() {
        assertEquals(List.of(), hostsFor(Map.of()));
        assertEquals(List.of(), hostsFor(Map.of("instance", "outer-bastion")));
    }

    @Test
    void one_alert_may_be_about_several_hosts() {
        Inventory inventory = new Inventory(List.of(host("a", "cluster=\"eu\""), host("b", "cluster=~\"eu|us\""),
                host("c", "cluster=\"us\"")));
        assertEquals(List.of("a", "b"), inventory.match(Map.of("cluster", "eu")).stream().map(HostEntry::name).toList());
    }

    static HostEntry host(String name, String matcher) {
        return new HostEntry(name, Transport.LOCAL, null, 0, null, null, null, null, "",
                new NginxSettings("/usr/sbin/nginx", "/etc/nginx/nginx.conf", List.of("/var/log/nginx/error.log"), "true"),
                List.of(LabelMatcher.parse(matcher)));
    }
}
