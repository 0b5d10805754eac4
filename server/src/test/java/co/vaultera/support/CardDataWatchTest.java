package co.vaultera.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardDataWatchTest {

    @Test
    void aTestCardIsFoundAsDigitsWithSpacesOrDashesAndInsideJson() {
        assertThat(CardDataWatch.numbersIn("{\"card\":\"4242424242424242\"}")).containsExactly("4242424242424242");
        assertThat(CardDataWatch.numbersIn("pan 4242 4242 4242 4242.")).containsExactly("4242424242424242");
        assertThat(CardDataWatch.numbersIn("pan 3782-822463-10005")).containsExactly("378282246310005");
    }

    @Test
    void aCardNumberSentInACardNumberFieldIsNotedAndThenFound() {
        String number = "4000056655665556";
        assertThat(CardDataWatch.numbersIn("x" + number)).isEmpty();
        CardDataWatch.noteRequest("{\"payment_method_data\":{\"card\":{\"card_number\": \"4000 0566 5566 5556\"}}}");
        assertThat(CardDataWatch.numbersIn("error for " + number)).containsExactly(number);
    }

    @Test
    void numbersThatAreNotNotedCardNumbersAreNotFindings() {
        // A 15-digit network transaction id that passes Luhn, masked numbers, ids with digit runs.
        assertThat(CardDataWatch.numbersIn("network_transaction_id 123456789012347, 424242******4242, 1764288000000"))
                .isEmpty();
    }

    @Test
    void aFindingNamesThePlaceAndTheLastFourDigitsOnly() {
        CardDataWatch.check("the answer to GET /x", "leaked 5555555555554444");
        assertThat(CardDataWatch.findings()).anySatisfy(f -> assertThat(f)
                .isEqualTo("the answer to GET /x holds the card number ending 4444").doesNotContain("555555555555"));
    }
}
