package co.vaultera.connector.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A page the shopper's browser must visit (3DS challenge, wallet or bank redirect): the core renders it from its
 * own redirect endpoint as a link ({@code GET}) or an auto-submitting form ({@code POST}).
 *
 * @param url        absolute URL at the processor or ACS
 * @param method     {@link HttpMethod#GET} or {@link HttpMethod#POST}
 * @param formFields fields to send; for {@code GET} they are added to the query; kept in the given order
 */
public record RedirectForm(String url, HttpMethod method, Map<String, String> formFields) {

    /** Requires a URL and a method; copies the fields in order. */
    public RedirectForm {
        Require.text(url, "url");
        Require.present(method, "method");
        formFields = formFields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(formFields));
    }

    /** A plain link to follow with {@code GET}. */
    public static RedirectForm get(String url) {
        return new RedirectForm(url, HttpMethod.GET, Map.of());
    }
}
