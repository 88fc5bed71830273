package medic.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import medic.lifecycle.FlowRig;

/**
 * What the storm's {@code medic serve} talks to: the flow rig (Debian's nginx on loopback reached over the
 * in-process SSH server, the shipped runbook, WireMock as Slack) with an inventory of the storm fleet's hosts, all
 * reached over that SSH server, and Slack answering with a realistic delay and a distinct {@code ts} per message.
 */
final class StormWorld implements AutoCloseable {
    /** Slack's Web API answers in about this long (log-normal; chat.postMessage is usually 100-300 ms). */
    static final double SLACK_MEDIAN_MILLIS = 120;
    private static final double SLACK_SIGMA = 0.35;

    final FlowRig flow;

    StormWorld(Path dir, int hosts) throws Exception {
        flow = new FlowRig(dir);
        writeInventory(dir.resolve("inventory.yaml"), hosts);
        String channel = FlowRig.CHANNEL;
        String ts = "{{randomValue length=10 type='NUMERIC'}}.{{randomValue length=6 type='NUMERIC'}}";
        slack("chat.postMessage", "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\",\"message\":{}}");
        slack("chat.update", "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"1764000000.000100\"}");
        slack("files.getUploadURLExternal", "{\"ok\":true,\"upload_url\":\"" + flow.slack.wireMock().baseUrl()
                + "/upload/F0DIFF\",\"file_id\":\"F0DIFF\"}");
        slack("files.completeUploadExternal", "{\"ok\":true,\"files\":[{\"id\":\"F0DIFF\"}]}");
    }

    /** The flow rig's one host entry, repeated under each storm host's name (the fleet's alerts carry these). */
    private static void writeInventory(Path file, int hosts) throws Exception {
        String original = Files.readString(file);
        String entry = original.substring(original.indexOf("  - name: edge-1\n"));
        StringBuilder inventory = new StringBuilder("hosts:\n");
        for (int host = 0; host < hosts; host++) {
            inventory.append(entry.replace("  - name: edge-1\n", "  - name: " + StormFleet.hostName(host) + "\n"));
        }
        Files.writeString(file, inventory);
    }

    private void slack(String method, String body) {
        flow.slack.wireMock().stubFor(post(urlEqualTo("/api/" + method)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body)
                .withTransformers("response-template").withLogNormalRandomDelay(SLACK_MEDIAN_MILLIS, SLACK_SIGMA)));
    }

    /** What every replica reads: the flow's settings (webhook token, Slack, inventory, runbooks) plus {@code extra}. */
    Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> env = flow.environment();
        env.putAll(extra);
        return env;
    }

    String webhookToken() {
        return flow.environment().get("MEDIC_WEBHOOK_TOKEN");
    }

    @Override
    public void close() throws Exception {
        flow.close();
    }
}
