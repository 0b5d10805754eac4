package co.vaultera.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void generatedIdsHaveTheReferenceFormats() {
        assertThat(Ids.customer()).matches("cus_[0-9A-Za-z]{20}");
        assertThat(Ids.address()).matches("add_[0-9A-Za-z]{20}");
        assertThat(Ids.profile()).matches("pro_[0-9A-Za-z]{20}");
        assertThat(Ids.publishableKey("snd")).matches("pk_snd_[0-9a-f]{32}").hasSize(39);
        assertThat(Ids.secretApiKey("snd")).matches("snd_[0-9A-Za-z]{64}").hasSize(68);
    }

    @Test
    void tenThousandCustomerIdsAreAllDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(Ids.customer());
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void requestIdsAreVersionSevenAndTimeOrdered() throws InterruptedException {
        UUID first = UuidV7.next();
        Thread.sleep(2);
        UUID second = UuidV7.next();
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.toString().compareTo(second.toString())).isNegative();
    }

    @Test
    void timestampsAlwaysShowThreeFractionalDigits() {
        assertThat(Timestamps.format(java.time.Instant.parse("2026-03-04T09:15:27Z")))
                .isEqualTo("2026-03-04T09:15:27.000Z");
        assertThat(Timestamps.format(java.time.Instant.parse("2026-03-04T09:15:27.04Z")))
                .isEqualTo("2026-03-04T09:15:27.040Z");
    }
}
