package medic.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;
import medic.store.StoreException;

/** Labels and annotations as the JSON objects the alerts table keeps them in, verbatim. */
final class LabelsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };

    private LabelsJson() {
    }

    static String write(Map<String, String> values) {
        try {
            return MAPPER.writeValueAsString(new TreeMap<>(values));
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write labels as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, String> read(String json) {
        try {
            return MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored labels are not a JSON object of strings: " + e.getOriginalMessage(), e);
        }
    }
}
