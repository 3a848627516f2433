-- The published Spacecraft: elements in km and degrees, sizes in m, mass in kg, as the API carries them.
CREATE TABLE spacecraft (
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                  VARCHAR(200) NOT NULL,
    norad_id              INTEGER      NOT NULL UNIQUE CHECK (norad_id > 0),
    status                VARCHAR(10)  NOT NULL CHECK (status IN ('active', 'inactive')),
    orbit_type            VARCHAR(3)   NOT NULL CHECK (orbit_type IN ('LEO', 'MEO', 'GEO', 'HEO')),
    launch_date           TIMESTAMPTZ,
    last_updated          TIMESTAMPTZ  NOT NULL,
    semi_major_axis_km    DOUBLE PRECISION,
    eccentricity          DOUBLE PRECISION,
    inclination_deg       DOUBLE PRECISION,
    raan_deg              DOUBLE PRECISION,
    arg_of_perigee_deg    DOUBLE PRECISION,
    mean_anomaly_deg      DOUBLE PRECISION,
    elements_epoch        TIMESTAMPTZ,
    mass_kg               DOUBLE PRECISION,
    length_m              DOUBLE PRECISION,
    width_m               DOUBLE PRECISION,
    height_m              DOUBLE PRECISION,
    cross_section_m2      DOUBLE PRECISION
);
