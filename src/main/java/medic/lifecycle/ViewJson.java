package medic.lifecycle;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import medic.MedicException;
import medic.nginx.diagnosis.Finding;
import medic.slack.message.DiagnosisView;

/**
 * The diagnosis a parent message shows, as JSON in the database, so the message can be redrawn in every later
 * state (approved, applied, rolled back...) by any replica, also after a restart. The findings' config edits are
 * left out: the sealed proposal holds what gets applied; the view only shows it.
 */
final class ViewJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule("medic-view")
                    .addSerializer(LocalDateTime.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(LocalDateTime value, JsonGenerator out, SerializerProvider provider)
                                throws IOException {
                            out.writeString(value.toString());
                        }
                    })
                    .addDeserializer(LocalDateTime.class, new JsonDeserializer<>() {
                        @Override
                        public LocalDateTime deserialize(JsonParser in, DeserializationContext context)
                                throws IOException {
                            return LocalDateTime.parse(in.getValueAsString());
                        }
                    }));

    private ViewJson() {
    }

    static String write(DiagnosisView view) {
        List<Finding> shown = view.findings().stream()
                .map(f -> new Finding(f.rule(), f.severity(), f.file(), f.line(), f.title(), f.message(), f.effective(),
                        f.defaultValue(), f.evidence(), f.fix(), List.of()))
                .toList();
        try {
            return MAPPER.writeValueAsString(new DiagnosisView(view.log(), view.logLines(), view.nginxTest(), shown,
                    view.proposalSummary(), view.proposalDiff(), view.proposalSha256(), view.notes()));
        } catch (JsonProcessingException e) {
            throw new MedicException("cannot store the diagnosis view: " + e.getOriginalMessage(), e);
        }
    }

    static DiagnosisView read(String json) {
        try {
            return MAPPER.readValue(json, DiagnosisView.class);
        } catch (JsonProcessingException e) {
            throw new MedicException("cannot read a stored diagnosis view: " + e.getOriginalMessage(), e);
        }
    }
}
