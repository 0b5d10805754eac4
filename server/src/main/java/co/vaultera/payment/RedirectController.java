package co.vaultera.payment;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import co.vaultera.common.HttpUrls;
import co.vaultera.common.Limits;
import co.vaultera.connector.spi.AttemptStatus;
import co.vaultera.merchant.Merchant;
import co.vaultera.merchant.MerchantService;
import co.vaultera.payment.PaymentOutcomes.Applied;
import co.vaultera.web.auth.MerchantContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shopper's side of a redirect step (3DS). These routes take no API key: a browser follows them. Nothing the
 * browser sends is trusted as an outcome; the switch asks the processor, then sends the shopper to the merchant's
 * {@code return_url}, signed with the merchant's response hash key: a 302 with the outcome in the query, or, when the
 * merchant asked for {@code redirect_to_merchant_with_http_post}, a page whose form posts it there.
 */
@RestController
public class RedirectController {

    private static final Set<String> SIGNATURE_PARAMETERS = Set.of("signature", "signature_algorithm");

    private final MerchantService merchants;
    private final PaymentSync sync;
    private final PaymentRepository payments;
    private final PaymentSettings settings;

    public RedirectController(MerchantService merchants, PaymentSync sync, PaymentRepository payments,
                              PaymentSettings settings) {
        this.merchants = merchants;
        this.sync = sync;
        this.payments = payments;
        this.settings = settings;
    }

    /** {@code next_action.redirect_to_url}: sends the browser on to the processor's page. */
    @GetMapping("/payments/redirect/{paymentId}/{merchantId}/{attemptId}")
    ResponseEntity<Void> start(@PathVariable String paymentId, @PathVariable String merchantId,
                               @PathVariable String attemptId) {
        MerchantContext m = context(merchantId);
        PaymentAttempt a = payments.findAttempt(m.merchantId(), attemptId)
                .filter(x -> x.paymentId().equals(paymentId)).orElseThrow(PaymentLifecycle::notFound);
        String target = a.redirectUrl() != null && a.status() == AttemptStatus.AUTHENTICATION_PENDING
                ? a.redirectUrl() : settings.redirectReturnUrl(paymentId, merchantId, a.connector());
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(target)).build();
    }

    /** The processor sent the shopper back: finish with the processor, then go to the merchant. */
    @RequestMapping(path = {"/payments/{paymentId}/{merchantId}/redirect/response/{connector}",
            "/payments/{paymentId}/{merchantId}/redirect/complete/{connector}"},
            method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> response(@PathVariable String paymentId, @PathVariable String merchantId,
                                    @PathVariable String connector, @RequestParam Map<String, String> params) {
        MerchantContext m = context(merchantId);
        if (!Limits.isIdentifier(paymentId)) {
            throw PaymentLifecycle.notFound();
        }
        Applied applied = sync.completeAuthorize(m, paymentId, params);
        Merchant merchant = merchants.find(merchantId).orElseThrow(PaymentLifecycle::notFound);
        String returnUrl = applied.intent().returnUrl() != null ? applied.intent().returnUrl() : merchant.returnUrl();
        if (returnUrl == null) {
            throw new ApiException(ErrorCode.HE_03, HttpStatus.NOT_FOUND,
                    "Return URL is not configured and not passed in payments request");
        }
        Map<String, String> query = new TreeMap<>();
        query.put("status", applied.intent().status().wireName());
        query.put("payment_id", paymentId);
        query.put("payment_intent_client_secret", applied.intent().clientSecret());
        // As in the payment's own view, with "not yet decided" as false: the query has no null.
        query.put("manual_retry_allowed", String.valueOf(Boolean.TRUE.equals(PaymentTransitions.manualRetryAllowed(
                applied.intent().status(), applied.attempt() == null ? null : applied.attempt().status(),
                applied.intent().amountCaptured()))));
        query.put("amount", String.valueOf(applied.intent().amount()));
        // The return URL's own parameters stay, except any the switch sets; like Hyperswitch, the signature covers
        // them and the outcome alike, so a merchant verifies every parameter it receives but the signature's two.
        Set<String> ours = new HashSet<>(query.keySet());
        ours.addAll(SIGNATURE_PARAMETERS);
        List<Map.Entry<String, String>> ownParameters = HttpUrls.queryParameters(returnUrl, ours);
        Map<String, String> sent = new LinkedHashMap<>(query);
        if (merchant.enablePaymentResponseHash()) {
            List<Map.Entry<String, String>> signed = new ArrayList<>(ownParameters);
            signed.addAll(query.entrySet());
            sent.put("signature", sign(signed, merchant.paymentResponseHashKey()));
            sent.put("signature_algorithm", "HMAC-SHA512");
        }
        if (merchant.redirectToMerchantWithHttpPost()) {
            // All parameters travel in the form, as Hyperswitch posts them: to the URL without its query.
            List<Map.Entry<String, String>> fields = new ArrayList<>(ownParameters);
            fields.addAll(sent.entrySet());
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(MerchantReturnForm.html(HttpUrls.withoutQuery(returnUrl), fields));
        }
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION,
                HttpUrls.withQuery(returnUrl, sent)).build();
    }

    /**
     * hex(HMAC-SHA512) over {@code k1=v1&k2=v2…} of the parameters sorted by name, then value, each as sent (before
     * URL encoding).
     */
    static String sign(List<Map.Entry<String, String>> params, String key) {
        String message = params.stream()
                .sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private MerchantContext context(String merchantId) {
        if (!Limits.isIdentifier(merchantId)) {
            throw PaymentLifecycle.notFound();
        }
        return merchants.context(merchantId).orElseThrow(PaymentLifecycle::notFound);
    }
}
