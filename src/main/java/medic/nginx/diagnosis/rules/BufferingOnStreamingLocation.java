package medic.nginx.diagnosis.rules;

import java.util.List;
import medic.nginx.config.Directive;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.Severity;
import medic.nginx.model.Effective;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;

/**
 * WS10: buffering (on by default) and caching do not touch an upgraded tunnel, but they hold back or replay the
 * plain responses a WebSocket endpoint also serves: long-polling fallbacks (socket.io, SockJS) and event streams.
 * The fix turns buffering off and pins {@code proxy_cache off} in the location, so a cache configured later at
 * server or http level is not inherited by the streaming endpoint.
 */
public final class BufferingOnStreamingLocation extends WebSocketLocationRule {
    @Override
    public String id() {
        return "WS10";
    }

    @Override
    public String title() {
        return "proxy_buffering or proxy_cache on a WebSocket/streaming location";
    }

    @Override
    void check(Analysis analysis, Location location, Findings findings, List<Finding> out) {
        NginxConfig config = analysis.config();
        Effective buffering = config.effective(location, "proxy_buffering");
        Effective cache = config.effective(location, "proxy_cache");
        boolean buffered = "on".equalsIgnoreCase(buffering.firstArg());
        boolean cached = cache.firstArg() != null && !"off".equalsIgnoreCase(cache.firstArg());
        if (!buffered && !cached) {
            return;
        }
        Effective culprit = buffered ? buffering : cache;
        String what = buffered && cached ? "buffers and caches" : buffered ? "buffers" : "caches";
        Findings.Builder builder = findings.at(Culprit.of(culprit, location), Severity.LOW)
                .message(location.label() + " " + what + " upstream responses (" + describe(buffering)
                        + (cached ? ", proxy_cache " + cache.value() + " at " + config.where(cache.source()) : "")
                        + "): nginx never buffers or caches an upgraded tunnel, but the plain responses this"
                        + " endpoint also serves (long-polling fallbacks, event streams) reach the client late"
                        + (cached ? ", or from the cache." : "."))
                .value(culprit)
                .fix("proxy_buffering off and proxy_cache off in " + location.label());
        if (buffered) {
            builder.change(new Change.SetDirective(location.scope(), "proxy_buffering", List.of("off")));
        }
        Directive ownCache = location.scope().find("proxy_cache");
        if (ownCache == null || !"off".equalsIgnoreCase(ownCache.arg(0))) {
            builder.change(new Change.SetDirective(location.scope(), "proxy_cache", List.of("off")));
        }
        out.add(builder.build());
    }

    private static String describe(Effective buffering) {
        return "proxy_buffering " + buffering.value() + (buffering.isDefault() ? " by default" : "");
    }
}
