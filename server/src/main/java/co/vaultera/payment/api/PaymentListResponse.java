package co.vaultera.payment.api;

import java.util.List;

/** {@code GET /payments/list}: {@code size} is the number of items in this page. */
public record PaymentListResponse(int size, List<PaymentResponse> data) {
}
