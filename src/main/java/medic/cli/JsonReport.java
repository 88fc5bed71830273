package medic.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import medic.nginx.Diagnosis;
import medic.nginx.diagnosis.Finding;
import medic.nginx.harden.FileChange;
import medic.nginx.redact.Redactor;

/**
 * The diagnosis for machines: {@code findings[]} with rule, severity, file, line, message, evidence, and
 * {@code proposal.files[]} with path and diff. Text fields are redacted; the diff too (use --format diff
 * for an exact, patchable diff).
 */
final class JsonReport {
    private static final Redactor REDACTOR = new Redactor();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    static String render(Diagnosis diagnosis) {
        ObjectNode root = JSON.createObjectNode();
        root.put("config", diagnosis.config().tree().mainPath());
        root.put("nginxVersion", diagnosis.config().version().toString());
        root.put("nginxVersionKnown", diagnosis.config().versionKnown());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : diagnosis.findings()) {
            ObjectNode node = findings.addObject();
            node.put("rule", f.rule());
            node.put("severity", f.severity().label());
            node.put("file", f.file());
            node.put("line", f.line());
            node.put("title", f.title());
            node.put("message", REDACTOR.redactText(f.message()).text());
            node.put("effective", f.effective() == null ? null : REDACTOR.redactText(f.effective()).text());
            node.put("default", f.defaultValue());
            ArrayNode evidence = node.putArray("evidence");
            f.evidence().forEach(e -> evidence.add(REDACTOR.redactLog(e).text()));
            node.put("fix", f.fix());
        }
        ObjectNode proposal = root.putObject("proposal");
        proposal.put("baseDir", diagnosis.config().tree().baseDir());
        ArrayNode files = proposal.putArray("files");
        for (FileChange change : diagnosis.proposal().files()) {
            ObjectNode file = files.addObject();
            file.put("path", change.relativePath());
            file.put("diff", REDACTOR.redactText(change.diff()).text());
        }
        if (diagnosis.log() != null) {
            ObjectNode log = root.putObject("log");
            log.put("lines", diagnosis.log().lines());
            log.put("unreadable", diagnosis.log().unreadable());
            ObjectNode failures = log.putObject("failures");
            diagnosis.log().failures().forEach((k, v) -> failures.put(k.name(), v));
            ObjectNode locations = log.putObject("locations");
            diagnosis.log().locations().forEach(locations::put);
            ArrayNode bursts = log.putArray("bursts");
            diagnosis.log().bursts().forEach(bursts::add);
        }
        ArrayNode notes = root.putArray("notes");
        diagnosis.notes().forEach(notes::add);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON report", e);
        }
    }
}
