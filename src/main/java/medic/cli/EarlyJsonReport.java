package medic.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import medic.nginx.Diagnosis;
import medic.nginx.Examination;
import medic.nginx.harden.FileChange;

/**
 * The JSON report begun while the proposal is still being worked out: the findings do not depend on it, so a
 * second thread redacts them and writes the report up to the end of {@code findings[]} into memory meanwhile.
 * The bytes are those {@link JsonReport#write(Diagnosis, OutputStream)} writes, and nothing reaches the
 * output unless the proposal was made.
 */
final class EarlyJsonReport {
    private final HeldOutput held = new HeldOutput();
    private final JsonGenerator json;
    private final Background<Void> head;

    private EarlyJsonReport(Examination examination) {
        try {
            json = JsonReport.JSON.createGenerator(held, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JSON report", e);
        }
        head = Background.start(() -> {
            try {
                JsonReport.writeHead(json, examination.config(), RedactedReport.findings(examination.findings(), false));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the JSON report", e);
            }
            return null;
        });
    }

    /** Starts writing the findings of {@code examination} on a thread of its own. */
    static EarlyJsonReport start(Examination examination) {
        return new EarlyJsonReport(examination);
    }

    /** Writes the whole report of {@code diagnosis}, the examination's, to {@code out}; {@code out} stays open. */
    void finish(Diagnosis diagnosis, OutputStream out) {
        List<String> diffs = RedactedReport.diffs(diagnosis.proposal().files().stream().map(FileChange::diff).toList());
        head.join();
        try {
            held.release(out);
            JsonReport.writeTail(json, diagnosis, diffs);
            json.close();
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JSON report", e);
        }
    }
}
