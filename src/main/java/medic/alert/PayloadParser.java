package medic.alert;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import medic.incident.Alert;
import medic.incident.AlertStatus;

/**
 * Reads Alertmanager's webhook body strictly: version "4", every field Alertmanager always sends present with its
 * type, times in RFC 3339. Fields added by later Alertmanager releases are ignored (truncatedAlerts arrived in
 * 0.22 without a version change). Each error names the field, e.g. {@code alerts[3].startsAt: ...}.
 */
public final class PayloadParser {

    public static final String SUPPORTED_VERSION = "4";

    /** Alertmanager writes fingerprints as 16 hex digits; other senders of this format use similar ids. */
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9A-Za-z_.:-]{1,64}");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    public WebhookPayload parse(byte[] body) {
        JsonObject root = JsonObject.at(tree(body), "");
        String version = root.requiredText("version");
        if (!SUPPORTED_VERSION.equals(version)) {
            throw new PayloadException("version: unsupported webhook payload version \"" + version
                    + "\"; medic reads version " + SUPPORTED_VERSION + " (Alertmanager 0.16 and later)");
        }
        String status = status(root, "status");
        JsonNode alertsNode = root.required("alerts");
        if (!alertsNode.isArray()) {
            throw new PayloadException("alerts: expected an array, got " + JsonObject.kind(alertsNode));
        }
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < alertsNode.size(); i++) {
            alerts.add(alert(JsonObject.at(alertsNode.get(i), "alerts[" + i + "]")));
        }
        return new WebhookPayload(version, root.optionalText("groupKey"), root.optionalCount("truncatedAlerts"),
                status, root.optionalText("receiver"), root.stringMap("groupLabels", false),
                root.stringMap("commonLabels", false), root.stringMap("commonAnnotations", false),
                root.optionalText("externalURL"), alerts);
    }

    private static JsonNode tree(byte[] body) {
        if (body.length == 0) {
            throw new PayloadException("body: empty; expected Alertmanager's webhook JSON");
        }
        try (JsonParser parser = MAPPER.createParser(body)) {
            JsonNode tree = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                throw new PayloadException("body: unexpected content after the JSON object at line "
                        + parser.currentLocation().getLineNr());
            }
            return tree;
        } catch (StreamConstraintsException e) {
            throw new PayloadException("body: " + e.getOriginalMessage());
        } catch (JsonParseException e) {
            throw new PayloadException("body: not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + reason(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new PayloadException("body: cannot be read as JSON: " + e.getMessage());
        }
    }

    /** Jackson's reason without its source excerpt and marker positions. */
    private static String reason(String message) {
        String first = String.valueOf(message).lines().findFirst().orElse("");
        int marker = first.indexOf(" (start marker");
        return marker > 0 ? first.substring(0, marker) : first;
    }

    private static Alert alert(JsonObject alert) {
        AlertStatus status = "firing".equals(status(alert, "status")) ? AlertStatus.FIRING : AlertStatus.RESOLVED;
        String fingerprint = alert.requiredText("fingerprint");
        if (!FINGERPRINT.matcher(fingerprint).matches()) {
            throw new PayloadException(alert.field("fingerprint") + ": expected up to 64 letters, digits or ._:-"
                    + " (Alertmanager sends 16 hex digits)");
        }
        Instant startsAt = Rfc3339.parse(alert.requiredText("startsAt"), alert.field("startsAt"));
        if (startsAt == null) {
            throw new PayloadException(alert.field("startsAt") + ": must be set, got the zero time");
        }
        String endsAtText = alert.optionalText("endsAt");
        Instant endsAt = endsAtText.isEmpty() ? null : Rfc3339.parse(endsAtText, alert.field("endsAt"));
        if (status == AlertStatus.RESOLVED && endsAt == null) {
            throw new PayloadException(alert.field("endsAt") + ": a resolved alert needs the time it ended");
        }
        if (endsAt != null && endsAt.isBefore(startsAt) && status == AlertStatus.RESOLVED) {
            throw new PayloadException(alert.field("endsAt") + ": ends before it starts (startsAt " + startsAt + ")");
        }
        return new Alert(fingerprint, status, startsAt, status == AlertStatus.FIRING ? null : endsAt,
                alert.stringMap("labels", true), alert.stringMap("annotations", false),
                alert.optionalText("generatorURL"));
    }

    private static String status(JsonObject object, String name) {
        String status = object.requiredText(name);
        if (!status.equals("firing") && !status.equals("resolved")) {
            throw new PayloadException(object.field(name) + ": expected \"firing\" or \"resolved\", got \""
                    + (status.length() > 32 ? status.substring(0, 32) + "..." : status) + "\"");
        }
        return status;
    }
}
