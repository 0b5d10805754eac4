package co.vaultera.payment;

import java.util.List;
import java.util.Map;

/**
 * The page that returns a shopper to a merchant who asked for {@code redirect_to_merchant_with_http_post}: the
 * outcome as a form posted to the {@code return_url}, so it stays out of the URL (browser history, referrers, access
 * logs). A line of script submits it at once; without script the shopper presses Continue.
 */
final class MerchantReturnForm {

    private MerchantReturnForm() {
    }

    /** The page; {@code fields} in order, a name as often as it comes. */
    static String html(String returnUrl, List<Map.Entry<String, String>> fields) {
        StringBuilder inputs = new StringBuilder();
        fields.forEach(f -> inputs.append("<input type=\"hidden\" name=\"").append(escape(f.getKey()))
                .append("\" value=\"").append(escape(f.getValue())).append("\">\n"));
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Returning to the merchant</title></head>
                <body>
                <form id="return" method="post" action="%s">
                %s<button type="submit">Continue</button>
                </form>
                <script>document.getElementById("return").submit();</script>
                </body>
                </html>
                """.formatted(escape(returnUrl), inputs);
    }

    /** Escapes text for an HTML attribute value. */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
