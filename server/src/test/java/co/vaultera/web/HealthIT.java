package co.vaultera.web;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

class HealthIT extends ApiTestSupport {

    @Test
    void livenessAnswers200WithoutAKey() {
        get("/health", null).expect(200);
    }

    @Test
    void readinessAnswers200WhenTheDatabaseAnswers() {
        assertThat(get("/health/ready", null).expect(200).json().get("database").stringValue()).isEqualTo("up");
    }
}
