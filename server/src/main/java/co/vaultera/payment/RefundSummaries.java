package co.vaultera.payment;

import co.vaultera.refund.api.RefundResponse;
import java.util.List;

/**
 * A payment's refunds for its response. An interface so the payment feature does not depend on the refund
 * feature's service (which depends on this one's).
 */
public interface RefundSummaries {

    List<RefundResponse> ofPayment(String merchantId, String paymentId);
}
