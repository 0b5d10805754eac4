package co.vaultera.payment.api;

import static co.vaultera.common.Pii.hidden;

import co.vaultera.common.ApiException;
import co.vaultera.common.Currencies;
import co.vaultera.common.ErrorCode;
import co.vaultera.common.HttpUrls;
import co.vaultera.common.JsonFields;
import co.vaultera.common.Limits;
import co.vaultera.common.Metadata;
import co.vaultera.connector.spi.CardDetails;
import co.vaultera.customer.api.AddressDetails;
import co.vaultera.payment.card.CardNumbers;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reference's {@code PaymentsRequest} for create, update and confirm. Strict: unknown keys are rejected.
 * Money is an integer of minor units; a float, an exponent or a string is a 400, never rounded.
 * The card lives in {@link #card()} and a CVC for a stored card in {@link #cardCvc()}; {@link #toString()} masks
 * them and the shopper's details, so a request that reaches a log leaks nothing.
 */
public record PaymentRequest(
        Long amount, String currency, String paymentId, Boolean confirm, String captureMethod,
        Long amountToCapture, String customerId, String description, String returnUrl, String setupFutureUsage,
        String authenticationType, String paymentMethod, String paymentMethodType, CardDetails card,
        ObjectNode billing, ObjectNode shipping, String email, String name, String phone, String phoneCountryCode,
        ObjectNode metadata, String statementDescriptorName, String statementDescriptorSuffix,
        String merchantOrderReferenceId, List<String> connector, String profileId, String clientSecret,
        String cardCvc, Long sessionExpiry, ArrayNode orderDetails) {

    public static final long MAX_AMOUNT = 999_999_999L;
    /** Seconds a payment's client_secret confirms it for when the create names none (15 minutes). */
    public static final long DEFAULT_SESSION_EXPIRY = 900;
    /** The reference's bounds of {@code session_expiry}: 1 minute to about 3 months, in seconds. */
    public static final long MIN_SESSION_EXPIRY = 60;
    public static final long MAX_SESSION_EXPIRY = 7_890_000;

    /** Which call the body belongs to; each accepts its own set of keys. */
    public enum Kind { CREATE, UPDATE, CONFIRM }

    /**
     * What an update or a confirm may change: the reference's three calls share one request type, so a confirm
     * may still set what an update could (a confirm is an update that then authorizes).
     */
    private static final List<String> CHANGE_FIELDS = List.of("payment_method", "payment_method_type", "card_cvc",
            "payment_method_data", "return_url", "browser_info", "client_secret", "billing", "shipping", "email",
            "name", "phone", "phone_country_code", "customer_id", "customer", "metadata", "description",
            "authentication_type", "connector", "setup_future_usage", "order_details", "amount", "currency",
            "capture_method", "amount_to_capture", "statement_descriptor_name", "statement_descriptor_suffix",
            "merchant_order_reference_id", "profile_id");
    /** Only a create names the payment, decides whether to confirm at once, and sets how long it may wait. */
    private static final List<String> CREATE_FIELDS = concat(CHANGE_FIELDS, List.of("payment_id", "confirm",
            "session_expiry"));
    /**
     * Reference fields of capabilities this switch does not offer (mandates, saved methods, scheduled capture,
     * routing rules, payment links), with what to tell a merchant who sends one. Answered with the reference's own
     * code for them (501 IR_00, {@link ApiException#unsupported}) rather than as unknown fields; sent as
     * {@code null} they ask for nothing and are ignored, as SDKs that send every field do.
     */
    private static final Map<String, String> UNSUPPORTED_FIELDS = unsupportedFields();
    private static final Set<String> CAPTURE_METHODS =
            Set.of("automatic", "manual", "manual_multiple", "scheduled", "sequential_automatic");
    private static final Set<String> AUTH_TYPES = Set.of("three_ds", "no_three_ds");
    private static final Set<String> FUTURE_USAGE = Set.of("on_session", "off_session");
    private static final Pattern CVC = Pattern.compile("[0-9]{3,4}");
    private static final Pattern EXPIRY_DIGITS = Pattern.compile("[0-9]{1,4}");
    private static final Set<String> CARD_TYPES = Set.of("credit", "debit");
    private static final List<String> CARD_FIELDS = List.of("card_number", "card_exp_month", "card_exp_year",
            "card_holder_name", "card_cvc", "card_network", "card_issuer", "card_type", "card_issuing_country",
            "nick_name");

    public static PaymentRequest read(JsonNode body, Kind kind) {
        List<String> allowed = switch (kind) {
            case CREATE -> CREATE_FIELDS;
            case UPDATE, CONFIRM -> CHANGE_FIELDS;
        };
        JsonFields f = JsonFields.body(body);
        for (Map.Entry<String, String> field : UNSUPPORTED_FIELDS.entrySet()) {
            if (f.has(field.getKey())) {
                throw ApiException.unsupported(field.getKey(), field.getValue());
            }
        }
        f.rejectUnknown(allowed, UNSUPPORTED_FIELDS.keySet());
        Long amount = f.integer("amount");
        if (amount != null && (amount < 0)) {
            throw ApiException.invalidBody("invalid value for field `amount`: expected a positive integer");
        }
        if (amount != null && amount > MAX_AMOUNT) {
            throw ApiException.invalidBody("amount should not be more than " + MAX_AMOUNT);
        }
        if (amount != null && amount == 0) {
            throw ApiException.invalidBody("field `amount` must be at least 1: zero-amount (mandate setup) "
                    + "payments are not supported yet");
        }
        String currency = f.string("currency");
        if (currency != null && !Currencies.isKnown(currency)) {
            throw ApiException.invalidBody("unknown variant `" + currency.substring(0, Math.min(8, currency.length()))
                    + "` for field `currency`: expected an ISO 4217 code in upper case");
        }
        if (kind == Kind.CREATE && amount == null) {
            throw new ApiException(ErrorCode.IR_04, "Missing required param: amount");
        }
        if (kind == Kind.CREATE && currency == null) {
            throw new ApiException(ErrorCode.IR_04, "Missing required param: currency");
        }
        String paymentId = f.string("payment_id");
        String captureMethod = f.oneOf("capture_method", CAPTURE_METHODS);
        if ("scheduled".equals(captureMethod)) {
            throw ApiException.unsupported("capture_method: scheduled",
                    "capture with `manual` and call /payments/{payment_id}/capture when the time comes");
        }
        Long amountToCapture = f.integer("amount_to_capture");
        if (amountToCapture != null && amountToCapture <= 0) {
            throw ApiException.invalidBody("invalid value for field `amount_to_capture`: expected a positive integer");
        }
        String paymentMethod = f.oneOf("payment_method", Set.of("card"));
        JsonFields pmd = f.object("payment_method_data");
        CardDetails card = null;
        ObjectNode billing = address(f, "billing");
        if (pmd != null) {
            pmd.rejectUnknown(List.of("card", "billing"));
            JsonFields cardFields = pmd.object("card");
            if (cardFields == null) {
                throw ApiException.invalidBody("field `payment_method_data.card` is required: cards are the only "
                        + "payment method supported yet");
            }
            card = card(cardFields);
            if (paymentMethod == null) {
                paymentMethod = "card";
            }
            ObjectNode pmdBilling = address(pmd, "billing");
            if (billing == null) {
                billing = pmdBilling;
            }
        }
        JsonFields customer = f.object("customer");
        String customerId = f.string("customer_id");
        String email = email(f, "email", "email");
        String name = f.string("name", 255);
        String phone = f.string("phone", 255);
        String phoneCountryCode = f.string("phone_country_code", 255);
        if (customer != null) {
            customer.rejectUnknown(List.of("id", "name", "email", "phone", "phone_country_code"));
            customerId = customerId != null ? customerId : customer.string("id");
            email = email != null ? email : email(customer, "email", "customer.email");
            name = name != null ? name : customer.string("name", 255);
            phone = phone != null ? phone : customer.string("phone", 255);
            phoneCountryCode = phoneCountryCode != null ? phoneCountryCode : customer.string("phone_country_code", 255);
        }
        String setupFutureUsage = f.oneOf("setup_future_usage", FUTURE_USAGE);
        if (setupFutureUsage != null && customerId == null && kind == Kind.CREATE) {
            throw ApiException.invalidBody("customer_id is mandatory when setup_future_usage is given");
        }
        String returnUrl = f.string("return_url", 2048);
        if (returnUrl != null) {
            HttpUrls.requireHttpUrl("return_url", returnUrl);
        }
        String profileId = f.string("profile_id");
        f.object("browser_info");
        Long sessionExpiry = f.integer("session_expiry");
        if (sessionExpiry != null && (sessionExpiry < MIN_SESSION_EXPIRY || sessionExpiry > MAX_SESSION_EXPIRY)) {
            throw new ApiException(ErrorCode.IR_06, "session_expiry should be between " + MIN_SESSION_EXPIRY
                    + " (1 minute) and " + MAX_SESSION_EXPIRY + " (about 3 months) seconds");
        }
        return new PaymentRequest(amount, currency,
                paymentId == null ? null : Limits.identifier("payment_id", paymentId),
                f.bool("confirm"), captureMethod, amountToCapture,
                customerId == null ? null : Limits.identifier("customer_id", customerId),
                f.string("description", 255), returnUrl, setupFutureUsage,
                f.oneOf("authentication_type", AUTH_TYPES), paymentMethod,
                f.oneOf("payment_method_type", CARD_TYPES), card, billing, address(f, "shipping"),
                email, name, phone, phoneCountryCode, Metadata.read(f, "metadata"),
                f.string("statement_descriptor_name", 255), f.string("statement_descriptor_suffix", 255),
                f.string("merchant_order_reference_id", 255), connectors(f),
                profileId == null ? null : Limits.identifier("profile_id", profileId),
                f.string("client_secret", 128), cvc(f.string("card_cvc")), sessionExpiry, OrderDetails.read(f));
    }

    /**
     * Shows what helps to debug a request and hides what must never reach a log: the card appears in its own
     * masked form (at most the first 6 and last 4 digits, never the CVC); the CVC, client secret, shopper's
     * e-mail, name, phone, addresses and the merchant's metadata only as present ({@code ***}) or {@code null}.
     */
    @Override
    public String toString() {
        return "PaymentRequest[amount=" + amount + ", currency=" + currency + ", paymentId=" + paymentId
                + ", confirm=" + confirm + ", captureMethod=" + captureMethod + ", amountToCapture=" + amountToCapture
                + ", customerId=" + customerId + ", description=" + description + ", returnUrl=" + returnUrl
                + ", setupFutureUsage=" + setupFutureUsage + ", authenticationType=" + authenticationType
                + ", paymentMethod=" + paymentMethod + ", paymentMethodType=" + paymentMethodType + ", card=" + card
                + ", billing=" + hidden(billing) + ", shipping=" + hidden(shipping) + ", email=" + hidden(email)
                + ", name=" + hidden(name) + ", phone=" + hidden(phone) + ", phoneCountryCode=" + phoneCountryCode
                + ", metadata=" + hidden(metadata) + ", statementDescriptorName=" + statementDescriptorName
                + ", statementDescriptorSuffix=" + statementDescriptorSuffix + ", merchantOrderReferenceId="
                + merchantOrderReferenceId + ", connector=" + connector + ", profileId=" + profileId
                + ", clientSecret=" + hidden(clientSecret) + ", cardCvc=" + hidden(cardCvc) + ", sessionExpiry="
                + sessionExpiry + ", orderDetails=" + (orderDetails == null ? null : orderDetails.size() + " lines")
                + "]";
    }

    private static CardDetails card(JsonFields c) {
        c.rejectUnknown(CARD_FIELDS);
        String number = c.string("card_number");
        String month = c.string("card_exp_month");
        String year = c.string("card_exp_year");
        if (number == null || month == null || year == null) {
            throw ApiException.invalidBody("`payment_method_data.card` needs `card_number`, `card_exp_month` and "
                    + "`card_exp_year`");
        }
        String pan = CardNumbers.normalise(number);
        if (pan == null) {
            throw new ApiException(ErrorCode.IR_06, "Invalid card number: `payment_method_data.card.card_number` "
                    + "must be " + CardNumbers.MIN_DIGITS + " to " + CardNumbers.MAX_DIGITS
                    + " digits that pass the Luhn check");
        }
        int m = twoOrFourDigits("card_exp_month", month, 1, 12);
        int y = twoOrFourDigits("card_exp_year", year, 0, 9999);
        if (y < 100) {
            y += 2000;
        }
        if (YearMonth.of(y, m).isBefore(YearMonth.now(ZoneOffset.UTC))) {
            throw new ApiException(ErrorCode.IR_06, "Card expired: the expiry month `"
                    + String.format("%02d/%d", m, y) + "` is in the past");
        }
        String holder = c.string("card_holder_name", 255);
        String cvc = cvc(c.string("card_cvc"));
        try {
            return new CardDetails(pan, m, y, holder, cvc);
        } catch (IllegalArgumentException e) {
            // The checks above mirror the SPI's; should they ever drift apart, the client still gets a 400. The
            // SPI's messages name the rule, never a digit of the card.
            throw new ApiException(ErrorCode.IR_06, "Invalid card data: " + e.getMessage());
        }
    }

    private static String cvc(String cvc) {
        if (cvc != null && !CVC.matcher(cvc).matches()) {
            throw ApiException.invalidBody("a `card_cvc` must be 3 or 4 digits");
        }
        return cvc;
    }

    private static int twoOrFourDigits(String field, String value, int min, int max) {
        if (!EXPIRY_DIGITS.matcher(value).matches()) {
            throw ApiException.invalidBody("field `payment_method_data.card." + field + "` must be digits");
        }
        int v = Integer.parseInt(value);
        if (v < min || v > max) {
            throw ApiException.invalidBody("field `payment_method_data.card." + field + "` is out of range");
        }
        return v;
    }

    /** {@code billing}/{@code shipping}: {@code {address: AddressDetails, phone: {number, country_code}, email}}. */
    private static ObjectNode address(JsonFields f, String field) {
        JsonFields a = f.object(field);
        if (a == null) {
            return null;
        }
        a.rejectUnknown(List.of("address", "phone", "email"));
        JsonFields details = a.object("address");
        if (details != null) {
            AddressDetails.read(details);
        }
        JsonFields phone = a.object("phone");
        if (phone != null) {
            phone.rejectUnknown(List.of("number", "country_code"));
            phone.string("number", 255);
            phone.string("country_code", 255);
        }
        email(a, "email", field + ".email");
        return a.node();
    }

    /** An optional email address of at most 255 characters; {@code path} names it in the error. */
    private static String email(JsonFields f, String field, String path) {
        String email = f.string(field, 255);
        if (email != null) {
            Limits.email(path, email);
        }
        return email;
    }

    private static List<String> connectors(JsonFields f) {
        JsonNode value = f.node().get("connector");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw ApiException.invalidBody("invalid type for field `connector`, expected a sequence of names");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isString()) {
                throw ApiException.invalidBody("invalid type in field `connector`, expected strings");
            }
            out.add(item.stringValue());
        }
        return out;
    }

    private static Map<String, String> unsupportedFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("capture_on", "there is no scheduled capture; capture through POST /payments/{id}/capture");
        fields.put("payment_token", "there are no saved payment methods; send payment_method_data");
        String recurring = "there are no mandates or recurring payments; each payment carries its card";
        for (String field : List.of("off_session", "customer_acceptance", "mandate_data", "mandate_id",
                "recurring_details", "payment_type")) {
            fields.put(field, recurring);
        }
        fields.put("routing", "there are no routing rules; list the connectors to try in `connector`");
        fields.put("payment_link", "there are no payment links; collect the card and send payment_method_data");
        return Collections.unmodifiableMap(fields);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
