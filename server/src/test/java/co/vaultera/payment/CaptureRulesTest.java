package co.vaultera.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import org.junit.jupiter.api.Test;

/** The amount_to_capture a create or update presets. */
class CaptureRulesTest {

    private static ErrorCode codeOf(Runnable check) {
        try {
            check.run();
        } catch (ApiException e) {
            return e.code();
        }
        throw new AssertionError("no error");
    }

    @Test
    void anAbsentPresetIsAlwaysFine() {
        assertThatCode(() -> CaptureRules.checkPreset(1000, "automatic", null)).doesNotThrowAnyException();
        assertThatCode(() -> CaptureRules.checkPreset(1000, "manual", null)).doesNotThrowAnyException();
    }

    @Test
    void withManualCaptureThePresetMayBeAnythingUpToTheAmount() {
        for (String method : new String[] {"manual", "manual_multiple"}) {
            assertThatCode(() -> CaptureRules.checkPreset(1000, method, 1L)).doesNotThrowAnyException();
            assertThatCode(() -> CaptureRules.checkPreset(1000, method, 1000L)).doesNotThrowAnyException();
            assertThatThrownBy(() -> CaptureRules.checkPreset(1000, method, 1001L))
                    .hasMessage("amount_to_capture is greater than amount");
        }
    }

    @Test
    void withAutomaticCaptureThePresetMustBeTheAmount() {
        for (String method : new String[] {"automatic", "sequential_automatic"}) {
            assertThatCode(() -> CaptureRules.checkPreset(1000, method, 1000L)).doesNotThrowAnyException();
            assertThat(codeOf(() -> CaptureRules.checkPreset(1000, method, 999L))).isEqualTo(ErrorCode.IR_16);
            assertThat(codeOf(() -> CaptureRules.checkPreset(1000, method, 1001L))).isEqualTo(ErrorCode.IR_06);
        }
    }
}
