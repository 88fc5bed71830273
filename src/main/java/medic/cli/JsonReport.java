package medic.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import medic.nginx.Diagnosis;
import medic.nginx.diagnosis.Finding;
import medic.nginx.harden.FileChange;
import medic.nginx.log.FailureClass;
import medic.nginx.model.NginxConfig;

/**
 * The diagnosis for machines: {@code findings[]} with rule, severity, file, line, message, evidence, and
 * {@code proposal.files[]} with path and diff. Text fields are redacted; the diff too (use --format diff
 * for an exact, patchable diff). Written as it goes: a config broken everywhere gives megabytes of JSON.
 */
final class JsonReport {
    static final JsonFactory JSON = new JsonFactory();

    private JsonReport() {
    }

    /** Writes the report to a character stream (tests, embedding), flushed, ending with a newline. */
    static void write(Diagnosis diagnosis, Writer out) {
        try {
            write(diagnosis, JSON.createGenerator(out));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JSON report", e);
        }
    }

    /** Writes the report as UTF-8 bytes, flushed, ending with a newline; {@code out} stays open. */
    static void write(Diagnosis diagnosis, OutputStream out) {
        try {
            write(diagnosis, JSON.createGenerator(out, JsonEncoding.UTF8));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JSON report", e);
        }
    }

    private static void write(Diagnosis diagnosis, JsonGenerator generator) throws IOException {
        RedactedReport redacted = RedactedReport.of(diagnosis, diagnosis.proposal().files().stream()
                .map(FileChange::diff).toList());
        try (JsonGenerator json = generator) {
            writeHead(json, diagnosis.config(), redacted.findings());
            writeTail(json, diagnosis, redacted.diffs());
        }
    }

    /** The report's start, up to the end of {@code findings[]}: all that does not depend on the proposal. */
    static void writeHead(JsonGenerator json, NginxConfig config, List<RedactedReport.RedactedFinding> findings)
            throws IOException {
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.useDefaultPrettyPrinter();
        json.writeStartObject();
        json.writeStringField("config", config.tree().mainPath());
        json.writeStringField("nginxVersion", config.version().toString());
        json.writeBooleanField("nginxVersionKnown", config.versionKnown());
        json.writeArrayFieldStart("findings");
        for (RedactedReport.RedactedFinding redactedFinding : findings) {
            writeFinding(json, redactedFinding);
        }
        json.writeEndArray();
    }

    /** The rest after {@link #writeHead}: the proposal with its (redacted) diffs, the log, the notes. */
    static void writeTail(JsonGenerator json, Diagnosis diagnosis, List<String> redactedDiffs) throws IOException {
        List<FileChange> changes = diagnosis.proposal().files();
        json.writeObjectFieldStart("proposal");
        json.writeStringField("baseDir", diagnosis.config().tree().baseDir());
        json.writeArrayFieldStart("files");
        for (int i = 0; i < changes.size(); i++) {
            json.writeStartObject();
            json.writeStringField("path", changes.get(i).relativePath());
            json.writeStringField("diff", redactedDiffs.get(i));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        if (diagnosis.log() != null) {
            writeLog(json, diagnosis);
        }
        json.writeArrayFieldStart("notes");
        for (String note : diagnosis.notes()) {
            json.writeString(note);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeFinding(JsonGenerator json, RedactedReport.RedactedFinding redacted) throws IOException {
        Finding f = redacted.finding();
        json.writeStartObject();
        json.writeStringField("rule", f.rule());
        json.writeStringField("severity", f.severity().label());
        json.writeStringField("file", f.file());
        json.writeNumberField("line", f.line());
        json.writeStringField("title", f.title());
        json.writeStringField("message", redacted.message());
        json.writeStringField("effective", redacted.effective());
        json.writeStringField("default", f.defaultValue());
        json.writeArrayFieldStart("evidence");
        for (String line : redacted.evidence()) {
            json.writeString(line);
        }
        json.writeEndArray();
        json.writeStringField("fix", f.fix());
        json.writeEndObject();
    }

    private static void writeLog(JsonGenerator json, Diagnosis diagnosis) throws IOException {
        json.writeObjectFieldStart("log");
        json.writeNumberField("lines", diagnosis.log().lines());
        json.writeNumberField("unreadable", diagnosis.log().unreadable());
        // The stats hold unordered maps: classes in declaration order and locations by name keep reports comparable.
        json.writeObjectFieldStart("failures");
        Map<FailureClass, Long> failures = new EnumMap<>(FailureClass.class);
        failures.putAll(diagnosis.log().failures());
        for (Map.Entry<FailureClass, Long> failure : failures.entrySet()) {
            json.writeNumberField(failure.getKey().name(), failure.getValue());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("locations");
        for (Map.Entry<String, Long> location : new TreeMap<>(diagnosis.log().locations()).entrySet()) {
            json.writeNumberField(location.getKey(), location.getValue());
        }
        json.writeEndObject();
        json.writeArrayFieldStart("bursts");
        for (String burst : diagnosis.log().bursts()) {
            json.writeString(burst);
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
