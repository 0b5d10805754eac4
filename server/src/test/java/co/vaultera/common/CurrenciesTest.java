package co.vaultera.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Accepted currencies are ISO 4217's current ones; exponents are the reference's table, not the JDK's. */
class CurrenciesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DEM", "FRF", "ITL", "VEF", "HRK", "LTL", "BYR", "MRO", "STD", "ZMK", "ANG", "CUC",
            "SLL", "ZWL"})
    void aWithdrawnCodeIsNotAccepted(String code) {
        assertThat(Currencies.isKnown(code)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"XAU", "XAG", "XTS", "XXX", "XDR", "USN", "CHE", "UYI"})
    void aCodeThatIsNotMoneyToPayWithIsNotAccepted(String code) {
        assertThat(Currencies.isKnown(code)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"USD", "EUR", "GBP", "JPY", "BHD", "CLF", "XCG", "ZWG", "SLE", "VES", "VED", "MRU",
            "STN", "BYN", "ZMW"})
    void aCurrentCodeIsAccepted(String code) {
        assertThat(Currencies.isKnown(code)).isTrue();
    }

    @Test
    void onlyUpperCaseCodesAreAccepted() {
        assertThat(Currencies.isKnown("usd")).isFalse();
        assertThat(Currencies.ALL).allMatch(c -> c.matches("[A-Z]{3}"));
    }

    @ParameterizedTest(name = "{0} has {1} decimals")
    @CsvSource({"JPY, 0", "KRW, 0", "IRR, 0", "XOF, 0", "BHD, 3", "KWD, 3", "TND, 3", "CLF, 4", "USD, 2", "EUR, 2",
            "ISK, 2", "CLP, 0", "UGX, 0"})
    void exponentsFollowTheReferenceTable(String code, int decimals) {
        assertThat(Currencies.exponent(code)).isEqualTo(decimals);
    }

    @Test
    void everyAcceptedCurrencyHasAnExponentOfZeroToFour() {
        assertThat(Currencies.ALL).allSatisfy(c -> assertThat(Currencies.exponent(c)).isBetween(0, 4));
    }

    @Test
    void theExponentOfACodeThatIsNotAcceptedIsAnError() {
        assertThatThrownBy(() -> Currencies.exponent("DEM")).isInstanceOf(IllegalArgumentException.class);
    }
}
