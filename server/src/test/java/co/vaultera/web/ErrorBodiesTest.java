package co.vaultera.web;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class ErrorBodiesTest {

    private static final ApiException DUPLICATE = new ApiException(ErrorCode.HE_01, "It \"exists\"");

    @Test
    void anErrorWithoutAReasonHasTypeMessageAndCodeOnly() {
        assertThat(error(ErrorBodies.of(DUPLICATE))).containsExactly(Map.entry("type", "invalid_request"),
                Map.entry("message", "It \"exists\""), Map.entry("code", "HE_01"));
    }

    @Test
    void aReasonComesAfterTheCode() {
        assertThat(error(ErrorBodies.of(DUPLICATE.withReason("pay_1 already exists"))).keySet())
                .containsExactly("type", "message", "code", "reason");
    }

    @Test
    void aFilterWritesTheSameEnvelopeWithTheReasonEscaped() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        ErrorBodies.write(response, DUPLICATE.withReason("a \"b\"\n"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).isEqualTo("{\"error\":{\"type\":\"invalid_request\","
                + "\"message\":\"It \\\"exists\\\"\",\"code\":\"HE_01\",\"reason\":\"a \\\"b\\\"\\u000a\"}}");
    }

    @Test
    void aFilterWritesNoReasonKeyWhenThereIsNone() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        ErrorBodies.write(response, DUPLICATE);

        assertThat(response.getContentAsString()).doesNotContain("reason");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> error(Map<String, Object> body) {
        return (Map<String, Object>) body.get("error");
    }
}
