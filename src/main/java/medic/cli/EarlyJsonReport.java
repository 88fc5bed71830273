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
    private final Thread writer;
    private Throwable failure;

    private EarlyJsonReport(Examination examination) {
        try {
            json = JsonReport.JSON.createGenerator(held, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JSON report", e);
        }
        writer = new Thread(() -> writeHead(examination), "medic-report");
        writer.setDaemon(true);
    }

    /** Starts writing the findings of {@code examination} on a thread of its own. */
    static EarlyJsonReport start(Examination examination) {
        EarlyJsonReport report = new EarlyJsonReport(examination);
        report.writer.start();
        return report;
    }

    private void writeHead(Examination examination) {
        try {
            // Sequential: the common pool's one worker (two cores) is busy with the proposal's safety re-parse.
            JsonReport.writeHead(json, examination.config(), RedactedReport.findings(examination.findings(), false));
        } catch (Throwable e) {
            failure = e;
        }
    }

    /** Writes the whole report of {@code diagnosis}, the examination's, to {@code out}; {@code out} stays open. */
    void finish(Diagnosis diagnosis, OutputStream out) {
        List<String> diffs = RedactedReport.diffs(diagnosis.proposal().files().stream().map(FileChange::diff).toList());
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the JSON report", e);
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        } else if (failure instanceof Error e) {
            throw e;
        } else if (failure != null) {
            throw new UncheckedIOException("cannot write the JSON report", (IOException) failure);
        }
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
