package co.vaultera.web;

import co.vaultera.common.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one error shape on the wire: {@code {"error":{"type":…,"message":…,"code":…}}}, in that key order, and the
 * optional {@code reason} after them when the error has one.
 */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    public static Map<String, Object> of(ApiException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", e.type());
        error.put("message", e.getMessage());
        error.put("code", e.code().name());
        if (e.reason() != null) {
            error.put("reason", e.reason());
        }
        return Map.of("error", error);
    }

    /** For filters, which answer before Spring MVC and its message converters run. */
    public static void write(HttpServletResponse response, ApiException e) throws IOException {
        response.setStatus(e.status().value());
        response.setContentType("application/json");
        response.getOutputStream().write(json(e).getBytes(StandardCharsets.UTF_8));
    }

    /** The body as text, written without Jackson (for filters and for Tomcat's own error reports). */
    static String json(ApiException e) {
        return "{\"error\":{\"type\":\"" + e.type() + "\",\"message\":\"" + escape(e.getMessage())
                + "\",\"code\":\"" + e.code().name() + "\""
                + (e.reason() == null ? "" : ",\"reason\":\"" + escape(e.reason()) + "\"") + "}}";
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
