package co.vaultera.refund;

import java.time.Instant;
import java.util.List;

/** The filters of {@code POST /refunds/list}; null means "any". */
public record RefundFilter(String paymentId, String refundId, Instant from, Instant to, List<String> statuses,
                           List<String> currencies, List<String> connectors, int limit, int offset) {
}
