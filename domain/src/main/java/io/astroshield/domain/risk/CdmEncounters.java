package io.astroshield.domain.risk;

import io.astroshield.domain.DomainError;
import io.astroshield.domain.DomainException;
import io.astroshield.domain.cdm.CartesianState;
import io.astroshield.domain.cdm.CdmObject;
import io.astroshield.domain.cdm.ConjunctionDataMessage;
import io.astroshield.domain.time.ReferenceData;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.frames.Frame;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;

/**
 * The encounter a CDM describes: both objects' states at TCA carried into GCRF (a rigid
 * transform; an Earth-fixed CDM frame without EOP is off by a rotation that leaves the relative
 * geometry, hence the Pc, unchanged) with their RTN covariances as given.
 */
public final class CdmEncounters {

    private final ReferenceData data;

    public CdmEncounters(ReferenceData data) {
        this.data = data;
    }

    /**
     * @param hardBodyRadiusM combined hard-body radius, m
     * @throws DomainException when an object carries no covariance (a CDM read from a file always has one)
     */
    public Encounter encounter(ConjunctionDataMessage cdm, double hardBodyRadiusM) {
        AbsoluteDate tca = data.toDate(cdm.tca());
        return new Encounter(inGcrf(cdm.object1(), tca), covariance(cdm.object1(), cdm),
                inGcrf(cdm.object2(), tca), covariance(cdm.object2(), cdm), hardBodyRadiusM, CovarianceSource.FROM_CDM);
    }

    private ObjectState inGcrf(CdmObject object, AbsoluteDate tca) {
        Frame frame = data.ccsdsFrame(object.refFrame().ccsdsName(), object.designator());
        CartesianState s = object.state();
        PVCoordinates pv = frame.getTransformTo(data.gcrf(), tca).transformPVCoordinates(
                new PVCoordinates(new Vector3D(s.xM(), s.yM(), s.zM()), new Vector3D(s.vxMps(), s.vyMps(), s.vzMps())));
        return ObjectState.of(pv.getPosition().toArray(), pv.getVelocity().toArray());
    }

    private static ObjectCovariance covariance(CdmObject object, ConjunctionDataMessage cdm) {
        if (object.covariance() == null) {
            throw new DomainException(DomainError.RISK, cdm.messageId() + ": object " + object.designator()
                    + " has no covariance; no Pc can be computed from this CDM");
        }
        return new ObjectCovariance(CovarianceFrame.RTN, object.covariance().toMatrix());
    }
}
