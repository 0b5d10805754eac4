package co.vaultera.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirstSegmentHandlerMappingTest {

    @Test
    void theFirstSegmentIsTheTextBetweenTheFirstTwoSlashes() {
        assertThat(FirstSegmentHandlerMapping.plainFirstSegment("/customers/cus_1")).isEqualTo("customers");
        assertThat(FirstSegmentHandlerMapping.plainFirstSegment("/customers")).isEqualTo("customers");
        assertThat(FirstSegmentHandlerMapping.plainFirstSegment("/")).isEmpty();
        assertThat(FirstSegmentHandlerMapping.plainFirstSegment("/{merchantId}/x")).isEqualTo("{merchantId}");
    }

    @Test
    void aSegmentThatWouldNeedDecodingIsNotUsedForSkipping() {
        assertThat(FirstSegmentHandlerMapping.plainFirstSegment("/cust%6Fmers/cus_1")).isNull();
        assertThat(FirstSegmentHandlerMapping.plainFirstSegment("/customers;v=1/cus_1")).isNull();
    }
}
