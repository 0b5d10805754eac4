package co.vaultera.payment;

import co.vaultera.connector.ConnectorRegistry;
import co.vaultera.connector.ProcessorReferences;
import co.vaultera.connector.SyncReferences;
import co.vaultera.connector.spi.PaymentConnector;
import co.vaultera.connector.spi.PaymentResult;
import co.vaultera.connector.spi.SyncRequest;
import co.vaultera.connectoraccount.ConnectorAccountService.RoutableAccount;
import co.vaultera.web.auth.MerchantContext;
import org.springframework.stereotype.Component;

/**
 * What the payment flows share about processors: the connector behind an account, the name an attempt has there,
 * and the processor's current view of an attempt.
 */
@Component
class PaymentProcessors {

    private final ConnectorRegistry connectors;
    private final SyncReferences syncReferences;

    PaymentProcessors(ConnectorRegistry connectors, SyncReferences syncReferences) {
        this.connectors = connectors;
        this.syncReferences = syncReferences;
    }

    PaymentConnector connector(RoutableAccount account) {
        return connectors.find(account.connectorName()).orElseThrow(() -> new IllegalStateException(
                "no connector named " + account.connectorName()));
    }

    /** The processor's current view of the attempt's payment. */
    PaymentResult view(MerchantContext m, RoutableAccount account, PaymentAttempt a) {
        return connector(account).syncPayment(new SyncRequest(account.account(), a.paymentId(),
                syncReferences.attempt(m.merchantId(), a.attemptId(), a.connectorTransactionId()),
                a.connectorTransactionId(), PaymentLifecycle.captureMethod(a.captureMethod())));
    }

    /** The name at processors of the merchant's attempt or capture {@code id}. */
    static String reference(MerchantContext m, String id) {
        return ProcessorReferences.of(m.merchantId(), id);
    }
}
