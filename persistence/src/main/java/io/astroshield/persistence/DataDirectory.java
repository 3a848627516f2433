package io.astroshield.persistence;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the workstation keeps its store, settings, keys and logs (DESIGN.md, entry points):
 * an explicit path ({@code --data-dir}) first, then {@code ASTROSHIELD_HOME}, then the
 * per-OS default: {@code $XDG_DATA_HOME/astroshield} or {@code ~/.local/share/astroshield}
 * on Linux and other Unixes, {@code %APPDATA%\AstroShield} on Windows,
 * {@code ~/Library/Application Support/AstroShield} on macOS.
 */
public final class DataDirectory {

    /** Environment variable that overrides the per-OS default. */
    public static final String HOME_VARIABLE = "ASTROSHIELD_HOME";

    private DataDirectory() {
    }

    /** Resolves against this process' environment, {@code os.name} and {@code user.home}. */
    public static Path resolve(Path explicit) {
        return resolve(explicit, System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home", ".")));
    }

    /**
     * Resolves from the given facts, so each rule can be tested on any OS.
     *
     * @param explicit an explicit override ({@code --data-dir}), or null
     * @param env      environment variables
     * @param osName   value of {@code os.name}
     * @param userHome value of {@code user.home}
     */
    public static Path resolve(Path explicit, Map<String, String> env, String osName, Path userHome) {
        if (explicit != null) {
            return explicit.toAbsolutePath().normalize();
        }
        String home = env.get(HOME_VARIABLE);
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank()
                    ? Path.of(appData) : userHome.resolve("AppData").resolve("Roaming");
            return base.resolve("AstroShield");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("AstroShield");
        }
        // XDG Base Directory: a relative XDG_DATA_HOME is invalid and must be ignored.
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("astroshield");
        }
        return userHome.resolve(".local").resolve("share").resolve("astroshield");
    }
}
