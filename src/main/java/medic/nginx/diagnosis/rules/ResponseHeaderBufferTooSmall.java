package medic.nginx.diagnosis.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import medic.nginx.config.Directive;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.Rule;
import medic.nginx.diagnosis.Severity;
import medic.nginx.log.FailureClass;
import medic.nginx.model.Effective;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;

/**
 * BF01: the backend's response header (big cookies, long redirects) does not fit proxy_buffer_size (one page,
 * 4k on x86, by default): nginx logs "upstream sent too big header" and answers 502. Needs the error log; not
 * raised when the location already has 16k or more (the log then predates the raise, or the header is so big
 * that the backend should shrink it).
 */
public final class ResponseHeaderBufferTooSmall implements Rule {
    static final long WANTED = 16 * 1024;

    @Override
    public String id() {
        return "BF01";
    }

    @Override
    public String title() {
        return "Response header larger than proxy_buffer_size";
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        NginxConfig config = analysis.config();
        Findings findings = new Findings(this, config);
        List<Finding> out = new ArrayList<>();
        for (Location location : config.locations()) {
            long count = analysis.log().count(location, FailureClass.TOO_BIG_HEADER);
            if (count == 0 || config.proxyPass(location).isEmpty()) {
                continue;
            }
            ProxyBuffers buffers = ProxyBuffers.at(config, location);
            if (buffers.bufferSize() >= WANTED) {
                continue;
            }
            Effective size = config.effective(location, "proxy_buffer_size");
            Directive own = location.scope().find("proxy_buffer_size");
            Map<String, String> set = buffers.raisedTo(WANTED);
            List<String> samples = analysis.log().samples(location, 3, FailureClass.TOO_BIG_HEADER);
            Findings.Builder finding = findings.at(own != null ? own : location.block(), Severity.MEDIUM)
                    .message(count + " response(s) through " + location.label() + " had a header larger than"
                            + " proxy_buffer_size " + ProxyBuffers.format(buffers.bufferSize())
                            + (size.isDefault() ? " (default: one memory page)" : "") + ": nginx logged \"upstream"
                            + " sent too big header\" and answered 502.")
                    .value(size)
                    .fix(String.join("; ", set.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList())
                            + " in " + location.label() + (set.size() > 1 ? " (nginx -t rejects a 16k header buffer"
                            + " that does not fit the proxy_buffers)" : ""));
            if (count >= NonIdempotentResets.MANY) {
                finding.confirmedBy(samples);
            } else {
                finding.evidence(samples);
            }
            set.forEach((name, value) -> finding.change(new Change.SetDirective(location.scope(), name, List.of(value))));
            out.add(finding.build());
        }
        return out;
    }
}
