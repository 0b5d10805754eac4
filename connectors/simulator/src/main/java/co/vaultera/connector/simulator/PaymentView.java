package co.vaultera.connector.simulator;

import co.vaultera.connector.spi.CaptureMethod;
import java.time.Instant;

/**
 * A snapshot of a payment at the simulated processor, as its API returns it.
 *
 * @param id                   the processor's payment id ({@code sim_pay_…})
 * @param reference            the caller's reference (the switch's attempt id)
 * @param status               the processor status
 * @param amount               the authorized amount in minor units
 * @param currency             ISO 4217 code
 * @param captureMethod        {@code AUTOMATIC}, {@code MANUAL} or {@code MANUAL_MULTIPLE}
 * @param amountCapturable     still capturable
 * @param amountCaptured       captured so far
 * @param amountRefunded       refunded so far (successful refunds only)
 * @param cardBin              first 6 digits of the card
 * @param cardLast4            last 4 digits of the card
 * @param errorCode            decline or authentication error code, or {@code null}
 * @param errorMessage         decline or authentication error message, or {@code null}
 * @param networkTransactionId the simulated card network's id for approved payments, or {@code null}
 * @param challengePath        path of the 3DS page while {@link SimulatorPaymentStatus#REQUIRES_ACTION}, else {@code null}
 * @param returnUrl            where the 3DS page sends the shopper afterwards, or {@code null}
 * @param created              when the processor created the payment
 */
public record PaymentView(String id, String reference, SimulatorPaymentStatus status, long amount, String currency,
                          CaptureMethod captureMethod, long amountCapturable, long amountCaptured, long amountRefunded,
                          String cardBin, String cardLast4, String errorCode, String errorMessage,
                          String networkTransactionId, String challengePath, String returnUrl, Instant created) {
}
