package medic.slack.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import medic.slack.ActionValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RejectRequestTest {

    @Test
    void survives_the_trip_through_private_metadata() {
        RejectRequest request = new RejectRequest(new ActionValue(42, null), "C0OPS0001",
                "https://hooks.slack.com/actions/T0MEDIC01/1/abc");
        assertEquals(request, RejectRequest.fromMetadata(request.toMetadata()));
        assertEquals(true, request.toMetadata().length() < 3000, "Slack keeps at most 3,000 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "{\"value\":\"incident=42\"}",
            "{\"value\":\"incident=x\",\"channel\":\"C1\",\"response_url\":\"https://hooks.slack.com/a\"}",
            "{\"value\":\"incident=42\",\"channel\":\"C1\",\"response_url\":\"file:///etc/passwd\"}"})
    void refuses_metadata_medic_did_not_write(String metadata) {
        assertThrows(IllegalArgumentException.class, () -> RejectRequest.fromMetadata(metadata));
    }
}
