package io.astroshield.persistence.workspace;

/** LOCAL settings stay on this machine; SHARED ones sync with the server under a version check. */
public enum SettingScope {
    LOCAL, SHARED
}
