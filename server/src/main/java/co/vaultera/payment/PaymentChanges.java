package co.vaultera.payment;

import co.vaultera.common.Timestamps;
import co.vaultera.connector.spi.CardDetails;
import co.vaultera.payment.PaymentIntent.StoredCard;
import co.vaultera.payment.api.PaymentRequest;
import co.vaultera.payment.card.CardBrands;

/** Applies the fields of a create, update or confirm body to an intent; absent fields keep their value. */
final class PaymentChanges {

    private PaymentChanges() {
    }

    static PaymentIntent apply(PaymentIntent p, PaymentRequest r) {
        CardDetails card = r.card();
        return new PaymentIntent(p.paymentId(), p.status(), or(r.amount(), p.amount()), or(r.currency(), p.currency()),
                p.amountCaptured(), or(r.amountToCapture(), p.amountToCapture()),
                or(r.captureMethod(), p.captureMethod()), or(r.authenticationType(), p.authenticationType()),
                or(r.customerId(), p.customerId()),
                or(r.description(), p.description()), or(r.returnUrl(), p.returnUrl()), or(r.metadata(), p.metadata()),
                or(r.setupFutureUsage(), p.setupFutureUsage()), p.clientSecret(), p.activeAttemptId(),
                p.attemptCount(), or(r.profileId(), p.profileId()), or(r.connector(), p.connectorPreference()),
                or(r.email(), p.email()), or(r.name(), p.name()), or(r.phone(), p.phone()),
                or(r.phoneCountryCode(), p.phoneCountryCode()), or(r.billing(), p.billing()),
                or(r.shipping(), p.shipping()), or(r.statementDescriptorName(), p.statementDescriptorName()),
                or(r.statementDescriptorSuffix(), p.statementDescriptorSuffix()),
                or(r.merchantOrderReferenceId(), p.merchantOrderReferenceId()),
                card != null ? "card" : or(r.paymentMethod(), p.paymentMethod()),
                or(r.paymentMethodType(), p.paymentMethodType()), card != null ? stored(card) : p.card(),
                p.cancellationReason(), p.createdAt(), Timestamps.now(), p.sessionExpiry(),
                or(r.orderDetails(), p.orderDetails()));
    }

    /** The status of an intent no attempt has touched: it waits for a card, or for confirmation. */
    static IntentStatus beforeConfirm(PaymentIntent p) {
        return p.card() == null ? IntentStatus.REQUIRES_PAYMENT_METHOD : IntentStatus.REQUIRES_CONFIRMATION;
    }

    static StoredCard stored(CardDetails card) {
        return new StoredCard(card.displayBin(), card.last4(), CardBrands.networkOf(card.number()),
                String.format("%02d", card.expiryMonth()), String.valueOf(card.expiryYear()), card.holderName());
    }

    static PaymentIntent withCancellation(PaymentIntent p, IntentStatus status, String reason) {
        return new PaymentIntent(p.paymentId(), status, p.amount(), p.currency(), p.amountCaptured(),
                p.amountToCapture(), p.captureMethod(), p.authenticationType(), p.customerId(), p.description(),
                p.returnUrl(), p.metadata(), p.setupFutureUsage(), p.clientSecret(), p.activeAttemptId(),
                p.attemptCount(), p.profileId(), p.connectorPreference(), p.email(), p.name(), p.phone(),
                p.phoneCountryCode(), p.billing(), p.shipping(), p.statementDescriptorName(),
                p.statementDescriptorSuffix(), p.merchantOrderReferenceId(), p.paymentMethod(), p.paymentMethodType(),
                p.card(), reason, p.createdAt(), Timestamps.now(), p.sessionExpiry(), p.orderDetails());
    }

    static PaymentIntent withNewAttempt(PaymentIntent p, String attemptId) {
        return new PaymentIntent(p.paymentId(), IntentStatus.PROCESSING, p.amount(), p.currency(),
                p.amountCaptured(), p.amountToCapture(), p.captureMethod(), p.authenticationType(), p.customerId(),
                p.description(), p.returnUrl(), p.metadata(), p.setupFutureUsage(), p.clientSecret(), attemptId,
                p.attemptCount() + 1, p.profileId(), p.connectorPreference(), p.email(), p.name(), p.phone(),
                p.phoneCountryCode(), p.billing(), p.shipping(), p.statementDescriptorName(),
                p.statementDescriptorSuffix(), p.merchantOrderReferenceId(), p.paymentMethod(),
                p.paymentMethodType(), p.card(), p.cancellationReason(), p.createdAt(), Timestamps.now(),
                p.sessionExpiry(), p.orderDetails());
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
