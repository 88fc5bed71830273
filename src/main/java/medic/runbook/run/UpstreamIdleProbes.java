package medic.runbook.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import medic.nginx.diagnosis.BackendFacts;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Upstream;
import medic.nginx.model.UpstreamServer;
import medic.remote.IdleMeasurement;
import medic.remote.IdleTimeoutProbe;
import medic.remote.RemoteHost;

/**
 * Measures, from the nginx host, the keep-alive idle timeout of every server of the config's upstream blocks (in
 * parallel, under a total cap) and adds what it measured to the backend facts, keyed by the server's address as
 * the config writes it, so rule KA02 compares nginx's keepalive_timeout with what the backend really does.
 */
public final class UpstreamIdleProbes {

    /**
     * @param perBackend  longest wait for one backend to close its idle connection
     * @param total       longest time all probes of one diagnosis take together
     * @param parallelism backends probed at once
     */
    public record Settings(Duration perBackend, Duration total, int parallelism) {
        public Settings {
            if (perBackend.isNegative() || perBackend.isZero() || total.compareTo(perBackend) < 0 || parallelism < 1) {
                throw new IllegalArgumentException("idle probes need 0 < perBackend <= total and parallelism >= 1, got "
                        + perBackend + ", " + total + ", " + parallelism);
            }
        }

        /** Two minutes per backend (idle timeouts past that never race nginx's 60 s default), 150 s in all. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(120), Duration.ofSeconds(150), 8);
        }
    }

    /** What the probes found: the facts to diagnose with, and each backend's measurement. */
    public record Report(BackendFacts facts, List<IdleMeasurement> measurements) {
        public Report {
            measurements = List.copyOf(measurements);
        }

        /** One line per backend, for the diagnose step's record. */
        public String summary() {
            StringBuilder text = new StringBuilder("backend idle timeouts probed from the nginx host:");
            measurements.forEach(m -> text.append("\n  ").append(m.endpoint()).append(": ").append(m.detail()));
            return measurements.isEmpty() ? "no upstream servers to probe" : text.toString();
        }
    }

    /** A backend to probe: where to connect, and the addresses the config names it by. */
    private record Endpoint(String host, int port) {
    }

    private final Settings settings;

    public UpstreamIdleProbes(Settings settings) {
        this.settings = settings;
    }

    /** Probes the servers of {@code config}'s upstream blocks from {@code remote}; {@code declared} facts stay. */
    public Report measure(NginxConfig config, RemoteHost remote, BackendFacts declared) {
        return measure(config, remote, declared, settings.total());
    }

    /** As {@link #measure(NginxConfig, RemoteHost, BackendFacts)}, done within {@code limit} if that is shorter. */
    public Report measure(NginxConfig config, RemoteHost remote, BackendFacts declared, Duration limit) {
        Map<Endpoint, List<String>> endpoints = endpoints(config);
        if (endpoints.isEmpty()) {
            return new Report(declared, List.of());
        }
        Duration total = limit.compareTo(settings.total()) < 0 ? limit : settings.total();
        long deadline = System.nanoTime() + total.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.parallelism(), endpoints.size()),
                runnable -> {
                    Thread thread = new Thread(runnable, "medic-idle-probe-" + remote.name());
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            Map<Endpoint, Future<IdleMeasurement>> running = new LinkedHashMap<>();
            endpoints.keySet().forEach(endpoint -> running.put(endpoint, pool.submit(() -> probe(remote, endpoint,
                    deadline))));
            List<IdleMeasurement> measurements = new ArrayList<>();
            for (Map.Entry<Endpoint, Future<IdleMeasurement>> probe : running.entrySet()) {
                measurements.add(await(probe.getKey(), probe.getValue(), deadline));
            }
            return new Report(merge(declared, endpoints, measurements, remote.name()), measurements);
        } finally {
            pool.shutdownNow();
        }
    }

    private IdleMeasurement probe(RemoteHost remote, Endpoint endpoint, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return new IdleMeasurement(endpoint.host() + ":" + endpoint.port(), IdleMeasurement.Outcome.FAILED,
                    Duration.ZERO, "not probed: the probes' total time ran out");
        }
        Duration cap = Duration.ofNanos(Math.min(left, settings.perBackend().toNanos()));
        return IdleTimeoutProbe.measure(remote, endpoint.host(), endpoint.port(), cap);
    }

    private static IdleMeasurement await(Endpoint endpoint, Future<IdleMeasurement> probe, long deadline) {
        String name = endpoint.host() + ":" + endpoint.port();
        try {
            // Each probe ends at its own cap; the slack covers connecting and thread start.
            long wait = Math.max(0, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(15);
            return probe.get(wait, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            probe.cancel(true);
            return new IdleMeasurement(name, IdleMeasurement.Outcome.FAILED, Duration.ZERO,
                    "the probe did not end within the total cap");
        } catch (ExecutionException e) {
            return new IdleMeasurement(name, IdleMeasurement.Outcome.FAILED, Duration.ZERO,
                    "the probe failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IdleMeasurement(name, IdleMeasurement.Outcome.FAILED, Duration.ZERO, "interrupted");
        }
    }

    private static BackendFacts merge(BackendFacts declared, Map<Endpoint, List<String>> endpoints,
                                      List<IdleMeasurement> measurements, String hostName) {
        Map<String, Duration> idle = new HashMap<>(declared.backendIdleTimeouts());
        Map<String, String> sources = new HashMap<>(declared.sources());
        int i = 0;
        for (List<String> addresses : endpoints.values()) {
            IdleMeasurement measurement = measurements.get(i++);
            if (!measurement.measured()) {
                continue;
            }
            for (String address : addresses) {
                Duration known = idle.get(address);
                if (known == null || measurement.idle().compareTo(known) < 0) {
                    idle.put(address, measurement.idle());
                    sources.put(address, "measured from " + hostName + ": the backend " + measurement.detail());
                }
            }
        }
        return new BackendFacts(idle, sources, declared.expectedTunnels());
    }

    /** Every server of every upstream block that takes traffic over TCP, once, with the addresses naming it. */
    static Map<Endpoint, List<String>> endpoints(NginxConfig config) {
        Map<Endpoint, List<String>> endpoints = new LinkedHashMap<>();
        for (Upstream upstream : config.upstreams().values()) {
            for (UpstreamServer server : upstream.servers()) {
                if (server.down() || server.host() == null) {
                    continue;
                }
                String address = server.address();
                int portAt = address.startsWith("[") ? address.indexOf("]:") + 1 : address.lastIndexOf(':');
                int port;
                try {
                    port = portAt > 0 ? Integer.parseInt(address.substring(portAt + 1)) : 80;
                } catch (NumberFormatException e) {
                    continue; // Not a literal port: nothing to connect to.
                }
                List<String> names = endpoints.computeIfAbsent(new Endpoint(server.host(), port), e -> new ArrayList<>());
                if (!names.contains(address)) {
                    names.add(address);
                }
            }
        }
        return endpoints;
    }
}
