package co.vaultera.connector.simulator;

import java.math.BigDecimal;
import java.util.Currency;

/** The 3DS challenge page: plain HTML forms, so it works without JavaScript and in any test browser. */
final class ChallengePage {

    private ChallengePage() {
    }

    static String challenge(PaymentView payment, String actionUrl) {
        String action = escape(actionUrl);
        return page("Confirm your payment", """
                <p>Amount: <strong>%s %s</strong></p>
                <p>Card: •••• %s</p>
                <p>This is the Vaultera simulator's 3-D Secure test page. Choose what the card holder does.</p>
                <form method="post" action="%s">
                  <input type="hidden" name="outcome" value="complete">
                  <button type="submit" id="complete">Complete</button>
                </form>
                <form method="post" action="%s">
                  <input type="hidden" name="outcome" value="reject">
                  <button type="submit" id="reject">Reject</button>
                </form>
                """.formatted(escape(amount(payment)), escape(payment.currency()), escape(payment.cardLast4()),
                action, action));
    }

    static String finished(PaymentView payment) {
        String reason = payment.errorMessage() == null ? "" : ": " + escape(payment.errorMessage());
        return page("Challenge finished", "<p>This payment's challenge is over (status "
                + escape(payment.status().wireName()) + reason + ").</p>");
    }

    static String notFound() {
        return page("No such challenge", "<p>There is no 3-D Secure challenge with this id.</p>");
    }

    static String badOutcome() {
        return page("Unknown choice", "<p>Choose Complete or Reject.</p>");
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>body{font-family:sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}
                form{display:inline-block;margin-right:1rem}button{font-size:1rem;padding:.5rem 1.5rem}</style>
                </head>
                <body>
                <h1>%s</h1>
                %s
                </body>
                </html>
                """.formatted(escape(title), escape(title), body);
    }

    /** Minor units shown in major units; display only, so the JDK's currency data is good enough. */
    private static String amount(PaymentView payment) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(payment.currency()).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            digits = 2;
        }
        return BigDecimal.valueOf(payment.amount(), digits).toPlainString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
