package co.vaultera.payment;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import co.vaultera.web.auth.MerchantContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reference's payment routes whose capabilities this switch does not offer yet (wallet session tokens, payment
 * links, external 3DS, incremental and extended authorization, cancel after capture, metadata-only updates,
 * eligibility checks). They answer 501 IR_00, the reference's code for it, after the usual authentication: an
 * integrator learns the route exists and is not available, where a 404 would suggest a typo, and
 * {@code /payments/session_tokens} is not taken for a payment id.
 */
@RestController
public class UnbuiltPaymentRoutes {

    @PostMapping({"/payments/session_tokens", "/payments/{paymentId}/post_session_tokens"})
    void sessionTokens(MerchantContext merchant) {
        throw unbuilt("session_tokens", "wallets (Apple Pay, Google Pay, PayPal SDK) are not available yet");
    }

    @RequestMapping(path = "/payments/{paymentId}/cancel_post_capture", method = {RequestMethod.GET,
            RequestMethod.POST})
    void cancelPostCapture(MerchantContext merchant) {
        throw unbuilt("cancel_post_capture", "refund a captured payment instead (POST /refunds)");
    }

    @PostMapping("/payments/{paymentId}/incremental_authorization")
    void incrementalAuthorization(MerchantContext merchant) {
        throw unbuilt("incremental_authorization", "an authorization's amount cannot be raised yet");
    }

    @PostMapping("/payments/{paymentId}/extend_authorization")
    void extendAuthorization(MerchantContext merchant) {
        throw unbuilt("extend_authorization", "an authorization cannot be extended yet");
    }

    @PostMapping({"/payments/{paymentId}/3ds/authentication", "/payments/{paymentId}/complete_authorize"})
    void clientSideAuthentication(MerchantContext merchant) {
        throw unbuilt("client-side 3DS", "3DS runs through next_action.redirect_to_url");
    }

    @PostMapping("/payments/{paymentId}/update_metadata")
    void updateMetadata(MerchantContext merchant) {
        throw unbuilt("update_metadata", "POST /payments/{payment_id} sets metadata until the payment is confirmed");
    }

    @PostMapping({"/payments/{paymentId}/eligibility_check", "/payments/{paymentId}/eligibility"})
    void eligibility(MerchantContext merchant) {
        throw unbuilt("eligibility", "eligibility checks are not available yet");
    }

    @GetMapping("/payment_link/{paymentLinkId}")
    void paymentLink(MerchantContext merchant) {
        throw unbuilt("payment_link", "payment links are not available yet");
    }

    private static ApiException unbuilt(String what, String why) {
        // Worded as the reference's IR_00 message ("{x} is not implemented").
        return new ApiException(ErrorCode.IR_00, "`" + what + "` is not implemented: " + why);
    }
}
