package co.vaultera.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttemptStatusTest {

    /** payments.md §2.2, in the reference's order. */
    private static final List<String> REFERENCE = List.of("started", "authentication_pending",
            "authentication_successful", "authentication_failed", "device_data_collection_pending", "router_declined",
            "authorizing", "authorized", "authorization_failed", "partially_authorized", "charged", "partial_charged",
            "partial_charged_and_chargeable", "capture_initiated", "capture_failed", "capture_review",
            "void_initiated", "voided", "voided_post_charge", "void_failed", "auto_refunded", "cod_initiated",
            "unresolved", "pending", "failure", "payment_method_awaited", "confirmation_awaited", "integrity_failure",
            "expired");

    @Test
    void wireNamesAreExactlyTheTwentyNineReferenceStatuses() {
        List<String> wireNames = Arrays.stream(AttemptStatus.values()).map(AttemptStatus::wireName).toList();

        assertThat(wireNames).hasSize(29).containsExactlyElementsOf(REFERENCE);
    }

    @Test
    void everyWireNameParsesBackToItsStatus() {
        for (AttemptStatus status : AttemptStatus.values()) {
            assertThat(AttemptStatus.fromWireName(status.wireName())).isSameAs(status);
        }
    }

    @Test
    void unknownWireNamesAreRejected() {
        assertThatThrownBy(() -> AttemptStatus.fromWireName("succeeded")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refundAndCaptureMethodWireNamesAreSnakeCase() {
        assertThat(Arrays.stream(RefundStatus.values()).map(RefundStatus::wireName))
                .containsExactly("pending", "succeeded", "failed", "review");
        assertThat(Arrays.stream(CaptureMethod.values()).map(CaptureMethod::wireName))
                .containsExactly("automatic", "manual", "manual_multiple", "scheduled", "sequential_automatic");
    }
}
