package co.vaultera.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

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
     * {@code url} with {@code params} added to its query, form-encoded, before any fragment. The URL keeps its own
     * percent-escapes; characters outside ASCII, which {@link URI} accepts but an HTTP header cannot carry, are
     * percent-encoded as UTF-8.
     */
    public static String withQuery(String rawUrl, Map<String, String> params) {
        String url = ascii(rawUrl);
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        String separator = !base.contains("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        String query = params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return base + separator + query + fragment;
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
