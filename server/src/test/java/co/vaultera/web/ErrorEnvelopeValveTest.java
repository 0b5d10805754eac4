package co.vaultera.web;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorEnvelopeValveTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({"400, IR_06, invalid_request", "431, IR_06, invalid_request", "404, IR_02, invalid_request",
            "405, IR_03, invalid_request", "501, IR_03, invalid_request", "505, HE_00, api", "500, HE_00, api"})
    void aStatusTomcatAnswersByItselfGetsTheReferenceCodeAndWireType(int status, ErrorCode code, String type) {
        ApiException e = ErrorEnvelopeValve.envelope(status);

        assertThat(e.code()).isEqualTo(code);
        assertThat(e.status().value()).isEqualTo(status);
        assertThat(e.type()).isEqualTo(type);
    }

    @ParameterizedTest
    @CsvSource({"400", "431", "414"})
    void theWordsAreFixedAndQuoteNothingOfTheRequest(int status) {
        assertThat(ErrorEnvelopeValve.envelope(status).getMessage())
                .startsWith("The request could not be read: malformed request line, path, headers or query string (")
                .endsWith(status + " " + org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase() + ")");
    }
}
