package co.vaultera.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.vaultera.config.SwitchProperties;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DataKeysTest {

    private static DataKeys dataKeys(byte fill) {
        byte[] master = new byte[32];
        java.util.Arrays.fill(master, fill);
        SwitchProperties props = new SwitchProperties(Path.of("unused"),
                new SwitchProperties.Database("", "", "", 4), "", Base64.getEncoder().encodeToString(master), "snd",
                new SwitchProperties.Embedded(true));
        return new DataKeys(new MasterKey(props));
    }

    @Test
    void aValueDecryptsWithTheSameMerchantRecordAndField() {
        DataKeys keys = dataKeys((byte) 1);
        DataKey key = keys.unwrap("m1", keys.newWrappedKey("m1"));
        byte[] sealed = key.encrypt("Maria", "cus_1", "name");
        assertThat(key.decrypt(sealed, "cus_1", "name")).isEqualTo("Maria");
    }

    @Test
    void encryptingTheSameValueTwiceGivesDifferentCiphertexts() {
        DataKeys keys = dataKeys((byte) 1);
        DataKey key = keys.unwrap("m1", keys.newWrappedKey("m1"));
        assertThat(key.encrypt("Maria", "cus_1", "name")).isNotEqualTo(key.encrypt("Maria", "cus_1", "name"));
    }

    @Test
    void aValueMovedToAnotherRecordOrFieldFailsAuthentication() {
        DataKeys keys = dataKeys((byte) 1);
        DataKey key = keys.unwrap("m1", keys.newWrappedKey("m1"));
        byte[] sealed = key.encrypt("Maria", "cus_1", "name");
        assertThatThrownBy(() -> key.decrypt(sealed, "cus_2", "name")).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> key.decrypt(sealed, "cus_1", "email")).isInstanceOf(CryptoException.class);
    }

    @Test
    void anotherMerchantsDataKeyCannotDecrypt() {
        DataKeys keys = dataKeys((byte) 1);
        DataKey a = keys.unwrap("ma", keys.newWrappedKey("ma"));
        DataKey b = keys.unwrap("mb", keys.newWrappedKey("mb"));
        byte[] sealed = a.encrypt("secret", "cus_1", "name");
        assertThatThrownBy(() -> b.decrypt(sealed, "cus_1", "name")).isInstanceOf(CryptoException.class);
    }

    @Test
    void aWrappedKeyOnlyUnwrapsForItsMerchantAndUnderItsMasterKey() {
        DataKeys keys = dataKeys((byte) 1);
        byte[] wrapped = keys.newWrappedKey("m1");
        assertThatThrownBy(() -> keys.unwrap("m2", wrapped)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> dataKeys((byte) 2).unwrap("m1", wrapped)).isInstanceOf(CryptoException.class);
    }

    @Test
    void aTamperedCiphertextFailsAuthentication() {
        DataKeys keys = dataKeys((byte) 1);
        DataKey key = keys.unwrap("m1", keys.newWrappedKey("m1"));
        byte[] sealed = key.encrypt("Maria", "cus_1", "name");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> key.decrypt(sealed, "cus_1", "name")).isInstanceOf(CryptoException.class);
    }

    @Test
    void nullStaysNull() {
        DataKeys keys = dataKeys((byte) 1);
        DataKey key = keys.unwrap("m1", keys.newWrappedKey("m1"));
        assertThat(key.encrypt(null, "r", "f")).isNull();
        assertThat(key.decrypt(null, "r", "f")).isNull();
    }

    @Test
    void aMasterKeyThatIsNotThirtyTwoBytesIsRefused() {
        SwitchProperties props = new SwitchProperties(Path.of("unused"),
                new SwitchProperties.Database("jdbc:postgresql://x/y", "", "", 4), "",
                Base64.getEncoder().encodeToString(new byte[16]), "snd", new SwitchProperties.Embedded(true));
        assertThatThrownBy(() -> new MasterKey(props)).hasMessageContaining("32 bytes");
    }

    @Test
    void anExternalDatabaseWithoutAMasterKeyRefusesToStart() {
        SwitchProperties props = new SwitchProperties(Path.of("unused"),
                new SwitchProperties.Database("jdbc:postgresql://x/y", "", "", 4), "", "", "snd",
                new SwitchProperties.Embedded(true));
        assertThatThrownBy(() -> new MasterKey(props)).hasMessageContaining("SWITCH_MASTER_KEY is required");
    }
}
