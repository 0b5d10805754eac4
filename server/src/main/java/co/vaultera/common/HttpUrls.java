package co.vaultera.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** URLs merchants give us to send shoppers or events to. */
public final class HttpUrls {

    private HttpUrls() {
    }

    /**
     * Refuses (400 IR_06) anything but an absolute http(s) URL with a host that {@link URI} parses: a URL that only
     * looks right (spaces, braces) would otherwise be stored and fail later, when the shopper is sent to it.
     */
    public static void requireHttpUrl(String field, String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return;
            }
        } catch (URISyntaxException e) {
            // answered below, as for a URL of another scheme
        }
        throw ApiException.invalidBody("field `" + field + "` must be an absolute http(s) URL");
    }

    /**
     * {@code url} with {@code params} added to its query, form-encoded, before any fragment. A parameter of the URL's
     * own with one of those names is dropped, so that the shopper's browser, and the merchant reading the first
     * {@code status}, see only the switch's value (a return URL saved as {@code ?status=pending} would otherwise
     * come back with two). The URL keeps its other parameters and its own percent-escapes; characters outside ASCII,
     * which {@link URI} accepts but an HTTP header cannot carry, are percent-encoded as UTF-8.
     */
    public static String withQuery(String rawUrl, Map<String, String> params) {
        String url = ascii(rawUrl);
        String base = beforeFragment(url);
        String fragment = url.substring(base.length());
        Stream<String> kept = queryParts(base).filter(part -> !params.containsKey(decoded(part).getKey()));
        Stream<String> added = params.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()));
        return withoutQuery(base) + "?" + Stream.concat(kept, added).collect(Collectors.joining("&")) + fragment;
    }

    /** The URL's own query parameters, form-decoded, in order, except those named in {@code except}. */
    public static List<Map.Entry<String, String>> queryParameters(String rawUrl, Set<String> except) {
        return queryParts(beforeFragment(ascii(rawUrl))).map(HttpUrls::decoded)
                .filter(p -> !except.contains(p.getKey())).toList();
    }

    /** The URL up to its query or fragment. */
    public static String withoutQuery(String rawUrl) {
        String base = beforeFragment(ascii(rawUrl));
        int question = base.indexOf('?');
        return question < 0 ? base : base.substring(0, question);
    }

    private static String beforeFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /** The non-empty {@code name=value} parts of the query of a URL without fragment, as written. */
    private static Stream<String> queryParts(String urlWithoutFragment) {
        int question = urlWithoutFragment.indexOf('?');
        return question < 0 ? Stream.empty() : Arrays.stream(urlWithoutFragment.substring(question + 1).split("&"))
                .filter(part -> !part.isEmpty());
    }

    /** A query part's name and value, form-decoded; each as written if it is not valid form encoding. */
    private static Map.Entry<String, String> decoded(String part) {
        int equals = part.indexOf('=');
        String name = equals < 0 ? part : part.substring(0, equals);
        String value = equals < 0 ? "" : part.substring(equals + 1);
        return Map.entry(decode(name), decode(value));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String ascii(String url) {
        try {
            return new URI(url).toASCIIString();
        } catch (URISyntaxException e) {
            // Validated when stored (requireHttpUrl); kept as it is if that ever changes.
            return url;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
