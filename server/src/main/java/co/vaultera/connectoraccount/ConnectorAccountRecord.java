package co.vaultera.connectoraccount;

import co.vaultera.connectoraccount.api.ConnectorAccountRequest.AuthDetails;
import co.vaultera.connectoraccount.api.ConnectorAccountRequest.WebhookDetails;
import java.time.Instant;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A merchant's account at one processor, credentials decrypted; in memory only for the length of a request. */
public record ConnectorAccountRecord(String merchantConnectorId, String connectorType, String connectorName,
                                     String connectorLabel, String profileId, AuthDetails accountDetails,
                                     boolean testMode, boolean disabled, ArrayNode paymentMethodsEnabled,
                                     ObjectNode metadata, WebhookDetails webhookDetails, String businessCountry,
                                     String businessLabel, String businessSubLabel, String status,
                                     Instant createdAt) {

    /** Whether payments may be routed to it. */
    public boolean usableForPayments() {
        return !disabled && "active".equals(status) && "payment_processor".equals(connectorType);
    }
}
