package io.astroshield.domain.propagation;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.ObjectType;
import io.astroshield.domain.time.ReferenceData;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PropagationTest {

    private static final ReferenceData RD = ReferenceData.builtIn();
    private final Propagation propagation = new Propagation(RD);

    @Test
    void stateResultCarriesTheElementSetAgeAtTheRequestedTime() {
        // given an element set with epoch 2022-01-20T12:00Z
        ElementSet es = new ElementSet(25544, "ISS", "1998-067A", 'U', Instant.parse("2022-01-20T12:00:00Z"),
                15.5 * 2 * Math.PI / 86400, 0.0005, Math.toRadians(51.6), 1, 2, 3, 1e-4, 0, 0, 1, 1, 0,
                ObjectType.PAYLOAD, "test");
        // when propagated to 2.5 days later
        PropagationResult r = propagation.propagate(es, Instant.parse("2022-01-23T00:00:00Z"));
        // then there is a state at a LEO radius and the age is 2.5 days
        assertThat(r.isValid()).isTrue();
        assertThat(r.state().radiusM()).isBetween(6.6e6, 6.9e6);
        assertThat(r.elementSetAgeDays()).isCloseTo(2.5, within(1e-12));
        assertThat(r.time()).isEqualTo(Instant.parse("2022-01-23T00:00:00Z"));
    }

    @Test
    void errorResultAlsoCarriesTheAgeAndNoState() {
        // given 28872 (SGP4-VER.TLE), decayed 55 minutes after epoch
        ElementSet es = VerificationSet.load().get(25).elementSet(RD);
        Instant t = es.epoch().plusSeconds(55 * 60);
        // when propagated there
        PropagationResult r = propagation.propagate(es, t);
        // then the result is error 6 with the age of 55 minutes
        assertThat(r.state()).isNull();
        assertThat(r.error().sgp4Error()).isEqualTo(Sgp4Error.DECAYED);
        assertThat(r.elementSetAgeDays()).isCloseTo(55.0 / 1440.0, within(1e-9));
    }
}
