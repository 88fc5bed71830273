package medic.nginx;

import java.util.ArrayList;
import java.util.List;
import medic.nginx.config.ConfigTree;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.BackendFacts;
import medic.nginx.diagnosis.Diagnoser;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.LogView;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.NginxVersion;

/**
 * The nginx knowledge end to end, as one pure call: config tree and error-log bytes in, diagnosis out.
 * Stages: model the config for the version, read the log, map its failures onto locations, run the rules,
 * turn the findings into a minimal proposal ({@link Examination#propose()}, the one stage reports need not wait for).
 */
public final class Diagnostician {
    private Diagnostician() {
    }

    /** Diagnoses a config; {@code errorLog} and {@code version} may be null (unknown). */
    public static Diagnosis diagnose(ConfigTree tree, byte[] errorLog, NginxVersion version, BackendFacts facts) {
        return examine(tree, errorLog, version, facts).propose();
    }

    /** Every stage but the proposal, which {@link Examination#propose()} adds; arguments as for diagnose. */
    public static Examination examine(ConfigTree tree, byte[] errorLog, NginxVersion version, BackendFacts facts) {
        NginxConfig config = NginxConfig.of(tree, version);
        List<String> notes = modelNotes(config);
        LogView log = LogView.none();
        LogStats stats = null;
        if (errorLog != null) {
            LogReading reading = LogReading.of(errorLog, config);
            log = reading.view();
            stats = reading.stats();
        }
        Analysis analysis = new Analysis(config, log, facts);
        List<Finding> findings = Diagnoser.standard().diagnose(analysis);
        return new Examination(config, findings, stats, notes, analysis);
    }

    private static List<String> modelNotes(NginxConfig config) {
        List<String> notes = new ArrayList<>();
        if (!config.versionKnown()) {
            notes.add("nginx version unknown: " + NginxConfig.ASSUMED_VERSION + " defaults assumed (HTTP/1.0 to"
                    + " upstreams, no implicit keepalive); pass --nginx-version from `nginx -v`");
        }
        if (config.http() == null) {
            notes.add("no http {} block found: only stream or main-level directives were read");
        }
        // The model lists these while it numbers the locations: a large config need not be walked again here.
        for (Location location : config.unreadableRegexLocations()) {
            notes.add(config.where(location.block()) + ": regex " + location.pattern()
                    + " uses PCRE syntax medic cannot evaluate; URIs are not matched against it");
        }
        return notes;
    }
}
