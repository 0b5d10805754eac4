package co.vaultera.payment;

import co.vaultera.common.Timestamps;
import co.vaultera.connector.spi.AttemptStatus;
import co.vaultera.payment.api.PaymentResponse;
import co.vaultera.refund.api.RefundResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Builds the wire form of a payment from its intent, active attempt and captures. */
@Component
public class PaymentViews {

    private final PaymentSettings settings;

    public PaymentViews(PaymentSettings settings) {
        this.settings = settings;
    }

    /** @param attempts every attempt of the payment to list, or {@code null} to leave them out */
    public PaymentResponse of(String merchantId, PaymentIntent p, PaymentAttempt a, List<PaymentCapture> captures,
                              List<RefundResponse> refunds, List<PaymentAttempt> attempts) {
        PaymentIntent.StoredCard card = p.card();
        PaymentResponse.PaymentMethodData pmd = card == null ? null : new PaymentResponse.PaymentMethodData(
                new PaymentResponse.Card(card.last4(), card.isin(), card.network(), card.expMonth(), card.expYear(),
                        card.holderName()), null);
        Map<String, String> nextAction = null;
        if (a != null && a.status() == AttemptStatus.AUTHENTICATION_PENDING && a.redirectUrl() != null) {
            nextAction = Map.of("type", "redirect_to_url",
                    "redirect_to_url", settings.redirectStartUrl(p.paymentId(), merchantId, a.attemptId()));
        }
        // Without an attempt, the whole amount is still to be authorized, unless the payment ended before one.
        long capturable = a != null ? a.amountCapturable()
                : p.status() == IntentStatus.REQUIRES_PAYMENT_METHOD || p.status() == IntentStatus.REQUIRES_CONFIRMATION
                ? p.amount() : 0;
        List<PaymentResponse.Capture> captureViews = captures.isEmpty() ? null : captures.stream()
                .map(c -> new PaymentResponse.Capture(c.captureId(), c.status(), c.amount(), p.currency(),
                        a == null ? null : a.connector(), Timestamps.format(c.createdAt()), c.errorCode(),
                        c.errorMessage()))
                .toList();
        Boolean manualRetryAllowed = PaymentTransitions.manualRetryAllowed(p.status(), a == null ? null : a.status(),
                p.amountCaptured());
        return new PaymentResponse(p.paymentId(), merchantId, p.status().wireName(), p.amount(), p.amount(),
                capturable, p.amountCaptured() > 0 ? p.amountCaptured() : null, p.amountToCapture(),
                a == null ? null : a.connector(),
                p.clientSecret(), Timestamps.format(p.createdAt()),
                Timestamps.format(a != null && a.modifiedAt().isAfter(p.modifiedAt()) ? a.modifiedAt()
                        : p.modifiedAt()),
                Timestamps.format(p.sessionExpiry()), p.currency(), p.customerId(), p.description(),
                refunds.isEmpty() ? null : refunds, null,
                p.setupFutureUsage(), p.captureMethod(),
                p.paymentMethod(), p.paymentMethodType(), pmd, p.email(), p.name(), p.phone(), p.phoneCountryCode(),
                p.billing(), p.shipping(), p.returnUrl(), p.authenticationType(), p.statementDescriptorName(),
                p.statementDescriptorSuffix(), nextAction, p.cancellationReason(),
                a == null ? null : a.errorCode(), a == null ? null : a.errorMessage(), null, null, p.metadata(),
                p.orderDetails(), a == null ? null : a.connectorTransactionId(),
                a == null ? null : a.merchantConnectorId(), null,
                attempts == null ? null : attempts.stream().map(PaymentViews::attempt).toList(),
                captureViews, manualRetryAllowed, p.attemptCount(), p.profileId(),
                a == null ? null : a.networkTransactionId(), p.merchantOrderReferenceId());
    }

    private static PaymentResponse.Attempt attempt(PaymentAttempt a) {
        return new PaymentResponse.Attempt(a.attemptId(), a.status().wireName(), a.amount(), a.currency(),
                a.connector(), a.errorMessage(), a.paymentMethod(), a.connectorTransactionId(), a.captureMethod(),
                a.authenticationType(), Timestamps.format(a.createdAt()), Timestamps.format(a.modifiedAt()), null,
                null, a.errorCode(), null, a.paymentMethodType(), null, null, null);
    }
}
