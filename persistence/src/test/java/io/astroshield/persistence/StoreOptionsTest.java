package io.astroshield.persistence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreOptionsTest {

    @Test
    void defaultsArePowerLossDurableSharedAndUnencrypted() {
        StoreOptions o = StoreOptions.defaults();
        assertThat(o.durability()).isEqualTo(Durability.POWER_LOSS);
        assertThat(o.autoServer()).isTrue();
        assertThat(o.encrypted()).isFalse();
    }

    @Test
    void aPassphraseKeyNeverShowsTheSecretAndAnEmptyOneIsRefused() {
        StoreKey key = StoreKey.passphrase("hunter two".toCharArray());
        assertThat(key.toString()).doesNotContain("hunter").contains("passphrase");
        assertThat(new String(key.filePassword())).doesNotContain(" ").isEqualTo("68756e7465722074776f");
        assertThatThrownBy(() -> StoreKey.passphrase(new char[0])).isInstanceOf(StoreException.class);
    }

    @Test
    void poolSizeOutsideOneToThirtyTwoIsRefused() {
        assertThatThrownBy(() -> StoreOptions.defaults().withPoolSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(StoreOptions.defaults().withPoolSize(32).poolSize()).isEqualTo(32);
    }
}
