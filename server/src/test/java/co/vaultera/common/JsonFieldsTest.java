package co.vaultera.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonFieldsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonFields body(String json) {
        return JsonFields.body(JSON.readTree(json));
    }

    @Test
    void absentAndNullReadAsNull() {
        assertThat(body("{}").string("a")).isNull();
        assertThat(body("{\"a\":null}").string("a")).isNull();
    }

    @Test
    void aNumberIsNotCoercedToAString() {
        assertThatThrownBy(() -> body("{\"a\":5}").string("a")).isInstanceOf(ApiException.class)
                .hasMessageContaining("`a`").hasMessageContaining("expected a string");
    }

    @Test
    void integersRejectFloatsExponentsStringsAndOverflow() {
        assertThat(body("{\"n\":9223372036854775807}").integer("n")).isEqualTo(Long.MAX_VALUE);
        for (String bad : List.of("1.5", "1e3", "\"12\"", "9223372036854775808", "true")) {
            assertThatThrownBy(() -> body("{\"n\":" + bad + "}").integer("n")).as(bad)
                    .isInstanceOf(ApiException.class).hasMessageContaining("`n`");
        }
    }

    @Test
    void nestedErrorsNameTheFullPath() {
        assertThatThrownBy(() -> body("{\"address\":{\"city\":1}}").object("address").string("city"))
                .hasMessageContaining("`address.city`");
    }

    @Test
    void numbersTakeIntegersAndFractionsButNotStrings() {
        assertThat(body("{\"r\":0.16}").number("r")).isEqualTo(0.16);
        assertThat(body("{\"r\":2}").number("r")).isEqualTo(2.0);
        assertThat(body("{}").number("r")).isNull();
        assertThatThrownBy(() -> body("{\"r\":\"0.16\"}").number("r")).hasMessageContaining("expected a number");
    }

    @Test
    void aSequenceOfObjectsNamesEachItemByItsPosition() {
        List<JsonFields> items = body("{\"lines\":[{\"a\":\"x\"},{\"a\":1}]}").objects("lines");
        assertThat(items).hasSize(2);
        assertThat(items.getFirst().string("a")).isEqualTo("x");
        assertThatThrownBy(() -> items.get(1).string("a")).hasMessageContaining("`lines[1].a`");
        assertThatThrownBy(() -> body("{\"lines\":[{},2]}").objects("lines"))
                .hasMessageContaining("expected an object for field `lines[1]`");
        assertThatThrownBy(() -> body("{\"lines\":{}}").objects("lines")).hasMessageContaining("expected a sequence");
        assertThat(body("{\"lines\":null}").objects("lines")).isNull();
    }

    @Test
    void lengthsCountCodePointsNotUtf16Units() {
        Limits.maxChars("f", "😀".repeat(3), 3);
        assertThatThrownBy(() -> Limits.maxChars("f", "😀".repeat(4), 3)).isInstanceOf(ApiException.class);
    }

    @Test
    void identifiersAreTrimmedAndLimitedToTheIdAlphabet() {
        assertThat(Limits.identifier("id", "  abc_DEF-09 ")).isEqualTo("abc_DEF-09");
        assertThatThrownBy(() -> Limits.identifier("id", "a.b")).hasMessageContaining("invalid character `.`");
        assertThatThrownBy(() -> Limits.identifier("id", "")).hasMessageContaining("minimum");
    }

    @Test
    void anUnknownVariantNamesTheAllowedOnesOrThatNoneIsAllowed() {
        assertThatThrownBy(() -> body("{\"c\":\"XX\"}").oneOf("c", java.util.Set.of("US", "DE")))
                .hasMessage("Json deserialize error: unknown variant `XX` for field `c`, expected one of `DE`, `US`");
        assertThatThrownBy(() -> body("{\"c\":\"XX\"}").oneOf("c", java.util.Set.of()))
                .hasMessage("Json deserialize error: unknown variant `XX` for field `c`: this server accepts none");
    }

    @Test
    void errorsNeverEchoACardNumber() {
        assertThatThrownBy(() -> body("{\"c\":\"4242424242424242\"}").oneOf("c", java.util.Set.of("US")))
                .message().doesNotContain("4242424242424242");
    }

    @Test
    void anUnknownKeyIsEchoedWithoutACardNumberAndAtMost64Characters() {
        assertThatThrownBy(() -> body("{\"4242424242424242\":1}").rejectUnknown(List.of("a")))
                .message().contains("unknown field `****************`");
        assertThat(JsonFields.echoable("k".repeat(100))).isEqualTo("k".repeat(64) + "…");
        assertThat(JsonFields.echoable("order_12345")).isEqualTo("order_12345");
        assertThat(JsonFields.echoable("card 4242 4242 4242 4242")).isEqualTo("card *******************");
        assertThat(JsonFields.echoable("x5105-1051-0510-5100")).isEqualTo("x*******************");
        assertThat(JsonFields.echoable("😀".repeat(70))).isEqualTo("😀".repeat(64) + "…");
    }

    @Test
    void emailsNeedALocalPartAndADottedDomain() {
        Limits.email("email", "shopper+tag@mail.example.com");
        for (String bad : new String[] {"shopper", "a@b", "@shop.test", "a b@shop.test", "a@-shop.test"}) {
            assertThatThrownBy(() -> Limits.email("billing.email", bad)).as(bad)
                    .hasMessageEndingWith("field `billing.email` is not a valid email address");
        }
    }
}
