package co.vaultera.payment.card;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.connector.spi.CardDetails;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The PAN check accepts exactly what the connector SPI's {@link CardDetails} can carry, Luhn-valid. */
class CardNumbersTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"12345674", "00000000", "123456782", "1234567897", "12345678903"})
    void aLuhnValidNumberShorterThanTwelveDigitsIsRefused(String number) {
        assertThat(CardNumbers.luhn(number)).as("test data is Luhn-valid").isTrue();
        assertThat(CardNumbers.normalise(number)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"123456789015", "1234 5678 9015", "4242-4242-4242-4242", "4000000000000000006"})
    void aLuhnValidNumberOfTwelveToNineteenDigitsIsAcceptedAndTheSpiTakesIt(String number) {
        String pan = CardNumbers.normalise(number);
        assertThat(pan).isEqualTo(number.replace(" ", "").replace("-", ""));
        assertThat(new CardDetails(pan, 12, 2030, null, null).last4()).isEqualTo(pan.substring(pan.length() - 4));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"40000000000000000002", "4242424242424241", "4242 4242 4242 424X", "", "  "})
    void aNumberTooLongOrFailingLuhnOrNotDigitsIsRefused(String number) {
        assertThat(CardNumbers.normalise(number)).isNull();
    }
}
