package io.astroshield.persistence;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN.md, entry points: --data-dir, then ASTROSHIELD_HOME, then the per-OS default. */
class DataDirectoryTest {

    private static final Path HOME = Path.of("/home/ana");

    @Test
    void linuxUsesXdgDataHomeWhenItIsAbsolute() {
        assertThat(DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "/data/xdg"), "Linux", HOME))
                .isEqualTo(Path.of("/data/xdg/astroshield"));
    }

    @Test
    void linuxFallsBackToLocalShareWhenXdgDataHomeIsUnsetEmptyOrRelative() {
        Path expected = Path.of("/home/ana/.local/share/astroshield");
        assertThat(DataDirectory.resolve(null, Map.of(), "Linux", HOME)).isEqualTo(expected);
        assertThat(DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", ""), "Linux", HOME)).isEqualTo(expected);
        assertThat(DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "rel/dir"), "Linux", HOME)).isEqualTo(expected);
    }

    @Test
    void windowsUsesAppData() {
        Map<String, String> env = Map.of("APPDATA", "/Users/ana/AppData/Roaming");
        assertThat(DataDirectory.resolve(null, env, "Windows 11", HOME))
                .isEqualTo(Path.of("/Users/ana/AppData/Roaming/AstroShield"));
        assertThat(DataDirectory.resolve(null, Map.of(), "Windows 10", HOME))
                .isEqualTo(HOME.resolve("AppData/Roaming/AstroShield"));
    }

    @Test
    void macUsesApplicationSupport() {
        assertThat(DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "/data/xdg"), "Mac OS X", HOME))
                .isEqualTo(Path.of("/home/ana/Library/Application Support/AstroShield"));
    }

    @Test
    void astroshieldHomeOverridesTheOsDefault() {
        Map<String, String> env = Map.of("ASTROSHIELD_HOME", "/srv/astro", "XDG_DATA_HOME", "/data/xdg");
        assertThat(DataDirectory.resolve(null, env, "Linux", HOME)).isEqualTo(Path.of("/srv/astro"));
        assertThat(DataDirectory.resolve(null, env, "Windows 11", HOME)).isEqualTo(Path.of("/srv/astro"));
    }

    @Test
    void anExplicitDirectoryOverridesEverything() {
        Map<String, String> env = Map.of("ASTROSHIELD_HOME", "/srv/astro");
        assertThat(DataDirectory.resolve(Path.of("/tmp/x/../analysis"), env, "Linux", HOME))
                .isEqualTo(Path.of("/tmp/analysis"));
    }
}
