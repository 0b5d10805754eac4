package co.vaultera.payment;

import co.vaultera.common.ApiException;
import co.vaultera.web.auth.MerchantContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The reference's payment routes for capabilities this switch does not offer (wallet session tokens, payment
 * links, client-side 3DS, incremental and extended authorization, cancel after capture, metadata-only updates,
 * eligibility checks). After the usual authentication they answer 501 IR_00 ({@link ApiException#unsupported}),
 * naming the route and what to do instead: a 404 would suggest a typo, and {@code /payments/session_tokens} would
 * be taken for a payment id.
 */
@RestController
public class UnsupportedPaymentRoutes {

    /** What a route answers: the name the merchant sees, and what to do instead. */
    private record Unsupported(String name, String instead) {
    }

    private static final Unsupported WALLETS = new Unsupported("session_tokens",
            "there are no wallets (Apple Pay, Google Pay, PayPal SDK); pay by card");
    private static final Unsupported CLIENT_SIDE_3DS = new Unsupported("client-side 3DS",
            "3DS runs through next_action.redirect_to_url");
    private static final Unsupported ELIGIBILITY = new Unsupported("eligibility",
            "there are no eligibility checks; confirm the payment");

    /** By route pattern, as the handler mapping matched it. */
    private static final Map<String, Unsupported> ROUTES = Map.ofEntries(
            Map.entry("/payments/session_tokens", WALLETS),
            Map.entry("/payments/{paymentId}/post_session_tokens", WALLETS),
            Map.entry("/payments/{paymentId}/cancel_post_capture", new Unsupported("cancel_post_capture",
                    "refund a captured payment instead (POST /refunds)")),
            Map.entry("/payments/{paymentId}/incremental_authorization", new Unsupported("incremental_authorization",
                    "an authorization's amount cannot be raised; cancel and confirm a new payment")),
            Map.entry("/payments/{paymentId}/extend_authorization", new Unsupported("extend_authorization",
                    "an authorization cannot be extended; capture it before the processor releases it")),
            Map.entry("/payments/{paymentId}/3ds/authentication", CLIENT_SIDE_3DS),
            Map.entry("/payments/{paymentId}/complete_authorize", CLIENT_SIDE_3DS),
            Map.entry("/payments/{paymentId}/update_metadata", new Unsupported("update_metadata",
                    "POST /payments/{payment_id} sets metadata until the payment is confirmed")),
            Map.entry("/payments/{paymentId}/eligibility_check", ELIGIBILITY),
            Map.entry("/payments/{paymentId}/eligibility", ELIGIBILITY),
            Map.entry("/payment_link/{paymentLinkId}", new Unsupported("payment_link",
                    "there are no payment links; collect the card and send payment_method_data")));

    @PostMapping({"/payments/session_tokens", "/payments/{paymentId}/post_session_tokens",
            "/payments/{paymentId}/cancel_post_capture", "/payments/{paymentId}/incremental_authorization",
            "/payments/{paymentId}/extend_authorization", "/payments/{paymentId}/3ds/authentication",
            "/payments/{paymentId}/complete_authorize", "/payments/{paymentId}/update_metadata",
            "/payments/{paymentId}/eligibility_check", "/payments/{paymentId}/eligibility"})
    void post(MerchantContext merchant, HttpServletRequest request) {
        throw answer(request);
    }

    @GetMapping({"/payments/{paymentId}/cancel_post_capture", "/payment_link/{paymentLinkId}"})
    void get(MerchantContext merchant, HttpServletRequest request) {
        throw answer(request);
    }

    private static ApiException answer(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        Unsupported route = ROUTES.get(String.valueOf(pattern));
        return route == null ? ApiException.unsupported(request.getRequestURI(), "this route is not offered")
                : ApiException.unsupported(route.name(), route.instead());
    }
}
