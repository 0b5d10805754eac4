package co.vaultera.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CardDetailsTest {

    private static final CardDetails VISA = new CardDetails("4242424242424242", 12, 2030, "Ada Lovelace", "123");

    @Test
    void toStringShowsOnlyFirstSixAndLastFourDigits() {
        assertThat(VISA.toString())
                .contains("424242******4242")
                .doesNotContain("4242424242424242")
                .doesNotContain("42424242424");
    }

    @Test
    void toStringNeverShowsTheCvcOrTheHolderName() {
        CardDetails card = new CardDetails("4111111111111111", 1, 2031, "Grace Hopper", "987");

        assertThat(card.toString()).doesNotContain("987").doesNotContain("Grace");
    }

    @Test
    void shortNumbersShowOnlyTheLastFourDigits() {
        CardDetails twelve = new CardDetails("123456789012", 5, 2030, null, null);

        assertThat(twelve.maskedNumber()).isEqualTo("********9012");
        assertThat(twelve.toString()).doesNotContain("123456");
        assertThat(twelve.displayBin()).isNull();
        assertThat(twelve.masked()).isEqualTo(new MaskedCard(null, "9012", 5, 2030, null));
    }

    @Test
    void thirteenDigitNumbersShowTheirBin() {
        CardDetails thirteen = new CardDetails("4222222222222", 5, 2030, null, null);

        assertThat(thirteen.displayBin()).isEqualTo("422222");
        assertThat(thirteen.masked().bin()).isEqualTo("422222");
    }

    @Test
    void fourteenDigitNumbersKeepFourDigitsHidden() {
        CardDetails diners = new CardDetails("38000000000006", 5, 2030, null, null);

        assertThat(diners.maskedNumber()).isEqualTo("380000****0006");
    }

    @Test
    void binIsTheFirstSixDigitsAndLast4TheLastFour() {
        assertThat(VISA.bin()).isEqualTo("424242");
        assertThat(VISA.last4()).isEqualTo("4242");
        assertThat(VISA.masked()).isEqualTo(new MaskedCard("424242", "4242", 12, 2030, "Ada Lovelace"));
    }

    @Test
    void maskedCardToStringLeavesOutTheHolderName() {
        assertThat(VISA.masked().toString()).contains("424242", "4242").doesNotContain("Ada");
    }

    @Test
    void invalidNumbersAreRejectedWithoutEchoingTheDigits() {
        assertThatThrownBy(() -> new CardDetails("4242 4242 4242 4242", 12, 2030, null, "123"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("4242");
    }

    @Test
    void invalidExpiryAndCvcAreRejected() {
        assertThatThrownBy(() -> new CardDetails("4242424242424242", 13, 2030, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CardDetails("4242424242424242", 12, 30, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CardDetails("4242424242424242", 12, 2030, null, "12"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("12\"");
    }
}
