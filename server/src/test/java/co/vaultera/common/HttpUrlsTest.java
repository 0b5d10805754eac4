package co.vaultera.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
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
