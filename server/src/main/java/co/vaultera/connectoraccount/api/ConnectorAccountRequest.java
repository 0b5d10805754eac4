package co.vaultera.connectoraccount.api;

import co.vaultera.common.ApiException;
import co.vaultera.common.CountryCodes;
import co.vaultera.common.JsonFields;
import co.vaultera.common.Limits;
import co.vaultera.common.Metadata;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Body of merchant-connector-account create and update (strict: unknown keys are rejected, as in the reference).
 * On update every field is optional and an absent one keeps the stored value; the connector itself cannot change.
 */
public record ConnectorAccountRequest(String connectorType, String connectorName, String connectorLabel,
                                      String profileId, AuthDetails accountDetails, Boolean testMode,
                                      Boolean disabled, ArrayNode paymentMethodsEnabled, ObjectNode metadata,
                                      WebhookDetails webhookDetails, String businessCountry, String businessLabel,
                                      String businessSubLabel, String status) {

    private static final List<String> FIELDS = List.of("connector_type", "connector_name", "connector_label",
            "merchant_connector_id", "profile_id", "connector_account_details", "test_mode", "disabled",
            "payment_methods_enabled", "metadata", "connector_webhook_details", "business_country",
            "business_label", "business_sub_label", "status", "frm_configs", "pm_auth_config",
            "additional_merchant_data", "connector_wallets_details");
    private static final Set<String> CONNECTOR_TYPES = Set.of("payment_processor", "payment_vas", "fin_operations",
            "fiz_operations", "networks", "banking_entities", "non_banking_finance", "payout_processor",
            "payment_method_auth", "authentication_processor", "tax_processor", "billing_processor",
            "vault_processor");
    private static final Set<String> AUTH_TYPES = Set.of("HeaderKey", "BodyKey", "SignatureKey", "MultiAuthKey",
            "CurrencyAuthKey", "NoKey", "TemporaryAuth", "CertificateAuth");
    private static final Set<String> STATUSES = Set.of("active", "inactive");
    private static final Set<String> UNSUPPORTED = Set.of("frm_configs", "pm_auth_config",
            "additional_merchant_data", "connector_wallets_details");

    /** {@code connector_account_details}: the processor credentials, stored encrypted, never answered in clear. */
    public record AuthDetails(String authType, String apiKey, String key1, String apiSecret, String key2) {
        @Override
        public String toString() {
            return "AuthDetails[" + authType + ", ****]";
        }
    }

    /** {@code connector_webhook_details}: the secret that verifies the processor's webhooks. */
    public record WebhookDetails(String merchantSecret, String additionalSecret) {
        @Override
        public String toString() {
            return "WebhookDetails[****]";
        }
    }

    public static ConnectorAccountRequest forCreate(JsonNode body, Set<String> connectorNames) {
        JsonFields f = JsonFields.body(body).rejectUnknown(FIELDS);
        if (!f.has("connector_type")) {
            throw ApiException.invalidBody("missing field `connector_type`");
        }
        if (!f.has("connector_name")) {
            throw ApiException.invalidBody("missing field `connector_name`");
        }
        if (!f.has("connector_account_details")) {
            throw ApiException.invalidBody("missing field `connector_account_details`");
        }
        return read(f, connectorNames);
    }

    public static ConnectorAccountRequest forUpdate(JsonNode body, Set<String> connectorNames) {
        return read(JsonFields.body(body).rejectUnknown(FIELDS), connectorNames);
    }

    private static ConnectorAccountRequest read(JsonFields f, Set<String> connectorNames) {
        for (String field : UNSUPPORTED) {
            if (f.has(field)) {
                throw ApiException.invalidBody("field `" + field + "` is not supported yet");
            }
        }
        JsonFields auth = f.object("connector_account_details");
        AuthDetails details = null;
        if (auth != null) {
            auth.rejectUnknown(List.of("auth_type", "api_key", "key1", "api_secret", "key2"));
            String authType = auth.oneOf("auth_type", AUTH_TYPES);
            if (authType == null) {
                throw ApiException.invalidBody("missing field `connector_account_details.auth_type`");
            }
            details = new AuthDetails(authType, auth.string("api_key", 1024), auth.string("key1", 1024),
                    auth.string("api_secret", 4096), auth.string("key2", 1024));
            requireCredentials(details);
        }
        JsonFields webhook = f.object("connector_webhook_details");
        WebhookDetails webhookDetails = null;
        if (webhook != null) {
            webhook.rejectUnknown(List.of("merchant_secret", "additional_secret"));
            webhookDetails = new WebhookDetails(webhook.string("merchant_secret", 1024),
                    webhook.string("additional_secret", 1024));
        }
        String profileId = f.string("profile_id");
        return new ConnectorAccountRequest(
                f.oneOf("connector_type", CONNECTOR_TYPES),
                f.oneOf("connector_name", connectorNames),
                f.string("connector_label", 64),
                profileId == null ? null : Limits.identifier("profile_id", profileId),
                details,
                f.bool("test_mode"),
                f.bool("disabled"),
                paymentMethods(f),
                Metadata.read(f, "metadata"),
                webhookDetails,
                f.oneOf("business_country", CountryCodes.ALL),
                f.string("business_label", 64),
                f.string("business_sub_label", 64),
                f.oneOf("status", STATUSES));
    }

    /** Each auth type names the credentials it carries; an account missing one could never be called. */
    private static void requireCredentials(AuthDetails d) {
        List<String> needed = switch (d.authType()) {
            case "HeaderKey" -> List.of("api_key");
            case "BodyKey" -> List.of("api_key", "key1");
            case "SignatureKey" -> List.of("api_key", "key1", "api_secret");
            case "MultiAuthKey" -> List.of("api_key", "key1", "api_secret", "key2");
            default -> List.of();
        };
        for (String field : needed) {
            String value = switch (field) {
                case "api_key" -> d.apiKey();
                case "key1" -> d.key1();
                case "api_secret" -> d.apiSecret();
                default -> d.key2();
            };
            if (value == null || value.isBlank()) {
                throw ApiException.invalidBody("missing field `connector_account_details." + field + "` (auth_type "
                        + d.authType() + ")");
            }
        }
    }

    private static ArrayNode paymentMethods(JsonFields f) {
        JsonNode value = f.node().get("payment_methods_enabled");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw ApiException.invalidBody("invalid type for field `payment_methods_enabled`, expected a sequence");
        }
        for (JsonNode entry : value) {
            JsonFields item = JsonFields.body(entry);
            if (item.string("payment_method", 64) == null) {
                throw ApiException.invalidBody("each `payment_methods_enabled` entry needs `payment_method`");
            }
            JsonNode types = entry.get("payment_method_types");
            if (types != null && !types.isNull() && !types.isArray()) {
                throw ApiException.invalidBody("`payment_methods_enabled[].payment_method_types` must be a sequence");
            }
        }
        return (ArrayNode) value;
    }
}
