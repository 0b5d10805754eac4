package co.vaultera.refund;

import co.vaultera.common.Timestamps;
import co.vaultera.payment.RefundSummaries;
import co.vaultera.refund.api.RefundResponse;
import java.util.List;
import org.springframework.stereotype.Component;

/** The wire form of refunds; also lists a payment's refunds for the payment response. */
@Component
public class RefundViews implements RefundSummaries {

    private final RefundRepository refunds;

    public RefundViews(RefundRepository refunds) {
        this.refunds = refunds;
    }

    @Override
    public List<RefundResponse> ofPayment(String merchantId, String paymentId) {
        return refunds.ofPayment(merchantId, paymentId).stream().map(RefundViews::of).toList();
    }

    static RefundResponse of(Refund r) {
        return new RefundResponse(r.refundId(), r.paymentId(), r.amount(), r.currency(), r.status(), r.reason(),
                r.metadata(), r.errorMessage(), r.errorCode(), null, null, Timestamps.format(r.createdAt()),
                Timestamps.format(r.modifiedAt()), r.connector(), null, r.merchantConnectorId(),
                r.connectorRefundId(), r.refundType());
    }
}
