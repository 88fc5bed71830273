package medic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import medic.nginx.Diagnosis;
import medic.nginx.Diagnostician;
import medic.nginx.LogStats;
import medic.nginx.config.DiskConfigSource;
import medic.nginx.diagnosis.BackendFacts;
import medic.nginx.log.FailureClass;
import org.junit.jupiter.api.Test;

/** Reports print the error log's per-class and per-location counts in a fixed order, whatever order the stats hold. */
class ReportOrderTest {
    private static final Path SEED = Path.of("src/test/resources/fixtures/seed-incident/nginx.conf");

    @Test
    void json_lists_failure_classes_in_declaration_order_and_locations_by_name() throws Exception {
        JsonNode log = new ObjectMapper().readTree(json(diagnosisWith(new Random(7)))).get("log");
        assertEquals(Arrays.stream(FailureClass.values()).map(Enum::name).toList(), names(log.get("failures")));
        List<String> sorted = new ArrayList<>(names(log.get("locations")));
        Collections.sort(sorted);
        assertEquals(40, sorted.size());
        assertEquals(sorted, names(log.get("locations")));
    }

    @Test
    void the_same_stats_give_the_same_json_and_text_whatever_order_their_maps_were_built_in() {
        Diagnosis one = diagnosisWith(new Random(1));
        Diagnosis other = diagnosisWith(new Random(2));
        assertEquals(json(one), json(other));
        assertEquals(new TextReport(false).render(one), new TextReport(false).render(other));
    }

    @Test
    void json_as_bytes_is_the_json_as_characters_in_utf_8() {
        Diagnosis diagnosis = diagnosisWith(new Random(3));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonReport.write(diagnosis, bytes);
        assertEquals(json(diagnosis), bytes.toString(StandardCharsets.UTF_8));
    }

    private static String json(Diagnosis diagnosis) {
        StringWriter out = new StringWriter();
        JsonReport.write(diagnosis, out);
        return out.toString();
    }

    /** The seed diagnosis with stats for every failure class and 40 locations, with ties, inserted in a shuffled order. */
    private static Diagnosis diagnosisWith(Random random) {
        Diagnosis diagnosis = Diagnostician.diagnose(DiskConfigSource.load(SEED, null), null, null, BackendFacts.NONE);
        List<FailureClass> classes = new ArrayList<>(List.of(FailureClass.values()));
        Collections.shuffle(classes, random);
        Map<FailureClass, Long> failures = new LinkedHashMap<>();
        classes.forEach(c -> failures.put(c, 5L));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            names.add("location /l" + i + "/ (nginx.conf:" + (10 + i) + ")");
        }
        Collections.shuffle(names, random);
        Map<String, Long> locations = new LinkedHashMap<>();
        names.forEach(n -> locations.put(n, (long) (n.length() % 3)));
        LogStats stats = new LogStats(1000, 0, failures, locations, List.of(), null, null);
        return new Diagnosis(diagnosis.config(), diagnosis.findings(), diagnosis.proposal(), stats, diagnosis.notes());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
