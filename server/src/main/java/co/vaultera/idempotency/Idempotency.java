package co.vaultera.idempotency;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import co.vaultera.crypto.MasterKey;
import co.vaultera.web.BodyLimitFilter;
import co.vaultera.web.ErrorBodies;
import co.vaultera.web.auth.MerchantContext;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} with Stripe's semantics, scoped per merchant. The first request with a key runs and
 * its final answer (status and exact bytes, errors included) is stored; the same key with the same request
 * replays it without running anything; with another request it is a 422; while the first is still running, a 409.
 * Requests that fail authentication or validation never reach this layer and store nothing.
 *
 * <p>A request whose process died mid-way leaves its key in flight. After {@code switch.idempotency.lease} a
 * retry takes the key over and runs again; the payment state machine makes that safe (a confirm that already
 * happened is refused), and the answer is then the resource's current, synced state.
 */
@Service
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Logger log = LoggerFactory.getLogger(Idempotency.class);

    private final IdempotencyRepository keys;
    private final JsonMapper json;
    private final Mac fingerprintPrototype;
    private final Duration retention;
    private final Duration lease;

    public Idempotency(IdempotencyRepository keys, JsonMapper json, MasterKey masterKey,
                       @Value("${switch.idempotency.retention:24h}") Duration retention,
                       @Value("${switch.idempotency.lease:60s}") Duration lease) {
        this.keys = keys;
        this.json = json;
        this.retention = retention;
        this.lease = lease;
        try {
            fingerprintPrototype = Mac.getInstance("HmacSHA256");
            fingerprintPrototype.init(new SecretKeySpec(masterKey.derive("idempotency-fingerprint"), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The action of an idempotent route, given a seed for ids it generates (null without a key). */
    @FunctionalInterface
    public interface Action {
        Object run(String seed);
    }

    /**
     * What a taken-over retry answers when its action finds the work already done: the resource's current state.
     * {@code claimedAt} is when the key was first claimed, before the first try made anything.
     */
    @FunctionalInterface
    public interface Resume {
        Object run(String seed, Instant claimedAt);

        /**
         * Whether an object the request names by the merchant's own id ({@code payment_id}, {@code refund_id})
         * was there before the key was claimed, so not made by it: the duplicate the first try met. An id made
         * from the key's seed is this key's alone, whatever the clocks say.
         */
        static boolean predatesClaim(String merchantGivenId, Instant createdAt, Instant claimedAt) {
            return merchantGivenId != null && createdAt.isBefore(claimedAt);
        }
    }

    /**
     * Runs {@code action} under the request's Idempotency-Key, if any.
     *
     * @param resume what to answer when a taken-over retry finds the work already done (the action then fails
     *               with IR_14 or HE_01), or null
     */
    public ResponseEntity<?> run(MerchantContext merchant, HttpServletRequest request, Action action,
                                 Resume resume) {
        String key = request.getHeader(HEADER);
        if (key == null) {
            // Serialised here, like a stored answer: one buffer with a Content-Length, not a chunked stream
            // (measured: the streamed form cost a payment 10–60 ms more under load).
            return json(200, json.writeValueAsBytes(action.run(null)));
        }
        if (key.isEmpty() || key.length() > 255) {
            throw new ApiException(ErrorCode.IR_06, "Idempotency-Key must be 1 to 255 characters");
        }
        String m = merchant.merchantId();
        byte[] fingerprint = fingerprint(request);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean takenOver = false;
        Instant createdAt = now;
        if (!keys.claim(m, key, fingerprint, now)) {
            IdempotencyRepository.Entry entry = keys.find(m, key).orElse(null);
            if (entry == null || entry.createdAt().isBefore(now.minus(retention))) {
                // Expired (or purged meanwhile): the key counts as new.
                if (entry != null) {
                    keys.deleteIfCreated(m, key, entry.createdAt());
                }
                if (!keys.claim(m, key, fingerprint, now)) {
                    throw inFlight();
                }
            } else if (!Arrays.equals(entry.fingerprint(), fingerprint)) {
                throw new ApiException(ErrorCode.IR_06, HttpStatus.UNPROCESSABLE_CONTENT, "Keys for idempotent "
                        + "requests can only be used with the same method, path and body they were first used with");
            } else if ("done".equals(entry.state())) {
                return replay(entry);
            } else if (entry.lockedAt().isAfter(now.minus(lease)) || !keys.takeOver(m, key, entry.lockedAt(), now)) {
                throw inFlight();
            } else {
                takenOver = true;
                createdAt = entry.createdAt();
            }
        }
        String seed = seed(m, key, createdAt);
        // In the precision objects are stored with (Timestamps.now): one made in the claim's millisecond counts as
        // made by this request.
        Instant claimedAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        Result result = execute(action, seed, takenOver ? resume : null, claimedAt);
        keys.complete(m, key, result.status(), result.body());
        return json(result.status(), result.body());
    }

    private static ResponseEntity<byte[]> json(int status, byte[] body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).contentLength(body.length)
                .body(body);
    }

    private record Result(int status, byte[] body) {
    }

    /** Runs the action; when it finds the work done and {@code resume} is given, answers what that answers. */
    private Result execute(Action action, String seed, Resume resume, Instant claimedAt) {
        try {
            return new Result(200, json.writeValueAsBytes(action.run(seed)));
        } catch (ApiException e) {
            boolean alreadyDone = e.code() == ErrorCode.IR_14 || e.code() == ErrorCode.HE_01;
            if (resume != null && alreadyDone) {
                return resumed(resume, seed, claimedAt, e);
            }
            return error(e);
        } catch (RuntimeException e) {
            // Stored like any answer: a retry must not run the request a second time.
            log.error("idempotent request failed", e);
            return error(new ApiException(ErrorCode.HE_00, "Something went wrong"));
        }
    }

    /**
     * A resume's answer, stored for the key like the action's, errors of the request included. If it finds
     * nothing, nothing was done: the action's own error stands. Any other failure (the database gone) is not
     * stored: the key stays in flight for the next retry, as after a crash.
     */
    private Result resumed(Resume resume, String seed, Instant claimedAt, ApiException actionError) {
        try {
            return new Result(200, json.writeValueAsBytes(resume.run(seed, claimedAt)));
        } catch (ApiException e) {
            return error(e.code() == ErrorCode.HE_02 ? actionError : e);
        }
    }

    private Result error(ApiException e) {
        return new Result(e.status().value(), json.writeValueAsBytes(ErrorBodies.of(e)));
    }

    private static ResponseEntity<byte[]> replay(IdempotencyRepository.Entry entry) {
        return ResponseEntity.status(entry.responseStatus()).contentType(MediaType.APPLICATION_JSON)
                .contentLength(entry.responseBody().length).header(REPLAYED_HEADER, "true")
                .body(entry.responseBody());
    }

    private static ApiException inFlight() {
        return new ApiException(ErrorCode.HE_00, HttpStatus.CONFLICT,
                "A request with this Idempotency-Key is still being processed; retry later");
    }

    /** A keyed hash of method, path and body: the body itself (maybe holding a card) is never stored. */
    private byte[] fingerprint(HttpServletRequest request) {
        Mac mac = mac();
        mac.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
        return mac.doFinal(BodyLimitFilter.body(request));
    }

    /** 20 alphanumerics derived from the key and its creation: the same across a takeover, new after expiry. */
    private String seed(String merchantId, String key, Instant createdAt) {
        Mac mac = mac();
        byte[] digest = mac.doFinal((merchantId + "\u0000" + key + "\u0000" + createdAt)
                .getBytes(StandardCharsets.UTF_8));
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        StringBuilder out = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            out.append(alphabet.charAt((digest[i] & 0xff) % alphabet.length()));
        }
        return out.toString();
    }

    private Mac mac() {
        try {
            return (Mac) fingerprintPrototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
