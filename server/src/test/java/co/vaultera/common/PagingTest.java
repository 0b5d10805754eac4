package co.vaultera.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PagingTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"null, false", "false, false", "true, true"})
    void aFlagIsTrueOrFalseAndAbsentMeansFalse(String raw, boolean expected) {
        assertThat(Paging.flag("force_sync", raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "1", "yes", "TRUE", "", " true"})
    void anythingElseIsA400NamingTheFlagNotASilentFalse(String raw) {
        assertThatThrownBy(() -> Paging.flag("expand_attempts", raw)).isInstanceOfSatisfying(ApiException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.IR_06);
                    assertThat(e.getMessage()).isEqualTo("query parameter `expand_attempts` must be true or false");
                });
    }

    @ParameterizedTest
    @CsvSource({"abc, query parameter `offset` must be an integer",
            "99999999999, query parameter `offset` must be an integer of at most 2147483647"})
    void anOffsetThatIsNoIntIsA400SayingWhy(String raw, String message) {
        assertThatThrownBy(() -> Paging.offset("offset", raw)).isInstanceOf(ApiException.class).hasMessage(message);
    }
}
