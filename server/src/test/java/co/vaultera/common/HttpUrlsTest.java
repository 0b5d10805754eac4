package co.vaultera.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HttpUrlsTest {

    private static final Map<String, String> OUTCOME = new LinkedHashMap<>(Map.of("status", "succeeded"));

    @Test
    void theOutcomeGoesIntoTheQueryBeforeTheFragmentAndTheMerchantsEscapesStay() {
        assertThat(HttpUrls.withQuery("https://shop.test/back", OUTCOME))
                .isEqualTo("https://shop.test/back?status=succeeded");
        assertThat(HttpUrls.withQuery("https://shop.test/back?order=a%20b#done", OUTCOME))
                .isEqualTo("https://shop.test/back?order=a%20b&status=succeeded#done");
        assertThat(HttpUrls.withQuery("https://shop.test/back?", Map.of("note", "a b&c")))
                .isEqualTo("https://shop.test/back?note=a+b%26c");
    }

    @Test
    void aParameterOfTheUrlWithTheNameOfAnAddedOneIsReplacedNotRepeated() {
        Map<String, String> outcome = new LinkedHashMap<>();
        outcome.put("status", "succeeded");
        outcome.put("payment_id", "pay_1");
        assertThat(HttpUrls.withQuery("https://shop.test/back?status=pending&order=7&payment%5Fid=x&&flag#top",
                outcome)).isEqualTo("https://shop.test/back?order=7&flag&status=succeeded&payment_id=pay_1#top");
        assertThat(HttpUrls.withQuery("https://shop.test/back?bad=%ZZ&status", outcome))
                .isEqualTo("https://shop.test/back?bad=%ZZ&status=succeeded&payment_id=pay_1");
    }

    @Test
    void theUrlsOwnParametersAreReadFormDecodedInOrderLeavingOutTheNamedOnes() {
        assertThat(HttpUrls.queryParameters("https://shop.test/back?order=a+b%26c&flag&status=x&bad=%ZZ#top",
                Set.of("status"))).containsExactly(Map.entry("order", "a b&c"), Map.entry("flag", ""),
                Map.entry("bad", "%ZZ"));
        assertThat(HttpUrls.queryParameters("https://shop.test/back#a?b=c", Set.of())).isEmpty();
        assertThat(HttpUrls.withoutQuery("https://shop.test/back?order=7#top")).isEqualTo("https://shop.test/back");
        assertThat(HttpUrls.withoutQuery("https://shop.test/back#a?b")).isEqualTo("https://shop.test/back");
    }

    @Test
    void charactersOutsideAsciiArePercentEncodedSoTheUrlFitsInALocationHeader() {
        assertThat(HttpUrls.withQuery("https://shop.test/заказ?q=é", OUTCOME))
                .isEqualTo("https://shop.test/%D0%B7%D0%B0%D0%BA%D0%B0%D0%B7?q=%C3%A9&status=succeeded");
    }

    @Test
    void onlyAbsoluteHttpUrlsWithAHostAreAccepted() {
        HttpUrls.requireHttpUrl("return_url", "http://localhost:3000/done");
        for (String bad : new String[] {"javascript:alert(1)", "https://shop.test/cb?o={id}", "https:///no-host",
                "/relative", "ftp://shop.test/x", "https://shop.test/a b"}) {
            assertThatThrownBy(() -> HttpUrls.requireHttpUrl("return_url", bad)).as(bad)
                    .hasMessageEndingWith("field `return_url` must be an absolute http(s) URL");
        }
    }
}
