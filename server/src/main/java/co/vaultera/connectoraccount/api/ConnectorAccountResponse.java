package co.vaultera.connectoraccount.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A merchant connector account on the wire; credentials appear masked, never in clear. */
@JsonPropertyOrder({"connector_type", "connector_name", "connector_label", "merchant_connector_id", "profile_id",
        "connector_account_details", "payment_methods_enabled", "connector_webhook_details", "metadata", "test_mode",
        "disabled", "frm_configs", "business_country", "business_label", "business_sub_label",
        "applepay_verified_domains", "pm_auth_config", "status", "additional_merchant_data",
        "connector_wallets_details"})
public record ConnectorAccountResponse(String connectorType, String connectorName, String connectorLabel,
                                       String merchantConnectorId, String profileId,
                                       Map<String, String> connectorAccountDetails, JsonNode paymentMethodsEnabled,
                                       Map<String, String> connectorWebhookDetails, JsonNode metadata,
                                       boolean testMode, boolean disabled, JsonNode frmConfigs,
                                       String businessCountry, String businessLabel, String businessSubLabel,
                                       List<String> applepayVerifiedDomains, JsonNode pmAuthConfig, String status,
                                       JsonNode additionalMerchantData, JsonNode connectorWalletsDetails) {

    @JsonPropertyOrder({"merchant_id", "merchant_connector_id", "deleted"})
    public record Deleted(String merchantId, String merchantConnectorId, boolean deleted) {
    }
}
