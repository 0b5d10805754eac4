package co.vaultera.connector.simulator;

import co.vaultera.connector.spi.CaptureMethod;
import co.vaultera.connector.spi.CardDetails;

/**
 * An authorize call as the simulated processor receives it.
 *
 * @param reference      the caller's reference, used to find the payment when the answer was lost
 * @param amount         minor units, 0 or more
 * @param currency       ISO 4217 code in upper case
 * @param captureMethod  {@code AUTOMATIC}, {@code MANUAL} or {@code MANUAL_MULTIPLE}
 * @param card           the card; only its BIN and last 4 digits are kept
 * @param returnUrl      absolute http(s) URL the 3DS page returns to; required for the 3DS card
 * @param idempotencyKey the caller's key, or {@code null}
 */
public record AuthorizeCommand(String reference, long amount, String currency, CaptureMethod captureMethod,
                               CardDetails card, String returnUrl, String idempotencyKey) {
}
