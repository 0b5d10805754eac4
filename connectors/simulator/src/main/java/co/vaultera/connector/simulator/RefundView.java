package co.vaultera.connector.simulator;

import java.time.Instant;

/**
 * A refund at the simulated processor, as its API returns it. Only a refund in {@code review} changes after creation.
 *
 * @param id           the processor's refund id ({@code sim_ref_…})
 * @param paymentId    the refunded payment
 * @param reference    the caller's reference (the switch's refund id)
 * @param amount       minor units
 * @param currency     ISO 4217 code
 * @param status       the processor status
 * @param errorCode    why it failed, or {@code null}
 * @param errorMessage why it failed, or {@code null}
 * @param created      when the processor created it
 */
public record RefundView(String id, String paymentId, String reference, long amount, String currency,
                         SimulatorRefundStatus status, String errorCode, String errorMessage, Instant created) {
}
