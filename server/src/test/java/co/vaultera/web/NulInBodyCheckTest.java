package co.vaultera.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class NulInBodyCheckTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String nulAt(String json) {
        return NulInBodyCheck.nulAt(JSON.readTree(json));
    }

    @Test
    void theFirstTextHoldingANulIsNamedByItsPathThroughObjectsAndArrays() {
        assertThat(nulAt("{\"description\":\"a\\u0000b\"}")).isEqualTo("description");
        assertThat(nulAt("{\"billing\":{\"address\":{\"city\":\"\\u0000\"}}}")).isEqualTo("billing.address.city");
        assertThat(nulAt("{\"order_details\":[{\"n\":\"ok\"},{\"n\":\"\\u0000\"}]}"))
                .isEqualTo("order_details[1].n");
        assertThat(nulAt("{\"tags\":[[\"ok\",\"\\u0000\"]]}")).isEqualTo("tags[0][1]");
        assertThat(nulAt("{\"metadata\":{\"k\\u0000\":\"v\"}}")).isEqualTo("metadata.k\0");
    }

    @Test
    void aBodyWithoutNulHasNoPath() {
        assertThat(nulAt("{\"description\":\"fine\",\"amount\":1,\"items\":[{\"a\":null},\"b\"]}")).isNull();
    }
}
