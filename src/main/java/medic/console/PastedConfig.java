package medic.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import medic.nginx.Diagnosis;
import medic.nginx.Diagnostician;
import medic.nginx.config.ConfigSyntaxException;
import medic.nginx.config.DumpConfigSource;
import medic.nginx.diagnosis.BackendFacts;
import medic.nginx.diagnosis.Finding;
import medic.nginx.harden.FileChange;
import medic.nginx.model.NginxVersion;

/**
 * The console's "paste your config and log" panel: the same offline diagnosis as {@code medic diagnose}, run in
 * this process on what was pasted (one file, or a whole {@code nginx -T} dump), with nothing stored or sent.
 */
public final class PastedConfig {
    /** Where a single pasted file is taken to live, so findings name a familiar path. */
    static final String PASTED_PATH = "/etc/nginx/nginx.conf";
    private static final String DUMP_MARKER = "# configuration file ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PastedConfig() {
    }

    /** Findings (rule, severity, where, title, message, evidence, fix), the proposed diff and notes, as JSON. */
    public static ObjectNode diagnose(String config, String errorLog, String nginxVersion) {
        if (config == null || config.isBlank()) {
            throw new ConsoleException("paste an nginx config (a file, or the output of nginx -T) first");
        }
        String dump = config.contains(DUMP_MARKER) ? config : DUMP_MARKER + PASTED_PATH + ":\n" + config + "\n";
        Diagnosis diagnosis;
        try {
            NginxVersion version = nginxVersion == null || nginxVersion.isBlank() ? null
                    : NginxVersion.parse(nginxVersion);
            byte[] log = errorLog == null || errorLog.isBlank() ? null : errorLog.getBytes(StandardCharsets.UTF_8);
            diagnosis = Diagnostician.diagnose(DumpConfigSource.load(dump, "the pasted config"), log, version,
                    BackendFacts.NONE);
        } catch (ConfigSyntaxException | IllegalArgumentException e) {
            throw new ConsoleException(e.getMessage());
        }
        ObjectNode result = JSON.createObjectNode();
        ArrayNode findings = result.putArray("findings");
        for (Finding finding : diagnosis.findings()) {
            ObjectNode node = findings.addObject();
            node.put("rule", finding.rule());
            node.put("severity", finding.severity().name());
            node.put("where", finding.where());
            node.put("title", finding.title());
            node.put("message", finding.message());
            node.put("fix", finding.fix());
            finding.evidence().forEach(node.putArray("evidence")::add);
        }
        ArrayNode files = result.putArray("files");
        for (FileChange change : diagnosis.proposal().files()) {
            files.addObject().put("path", change.path()).put("diff", change.diff());
        }
        result.put("diff", diagnosis.proposal().unifiedDiff());
        diagnosis.proposal().notes().forEach(result.putArray("notes")::add);
        return result;
    }
}
