package io.astroshield.domain.cdm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hand-written CDM fixtures. The numbers and structure are those of the example CDM of
 * CCSDS 508.0-B-1 (Conjunction Data Message, Blue Book, June 2013), annex C: SATELLITE A
 * (12345) and FENGYUN 1C DEB (30337), TCA 2010-03-13T22:37:52.618, miss distance 715 m. The
 * relative state, Pc and method are those of the standard's XML example; the
 * {@code COMMENT HBR} line (CARA's convention) is ours.
 */
final class CdmFixtures {

    /** Line numbers of some entries in {@link #KVN}, for assertions on diagnostics. */
    static final int LINE_RELATIVE_VELOCITY_R = 11;
    static final int LINE_OBJECT1_X_DOT = 33;

    static final String KVN = """
            CCSDS_CDM_VERS                = 1.0
            CREATION_DATE                 = 2010-03-12T22:31:12.000
            ORIGINATOR                    = JSPOC
            MESSAGE_ID                    = 201113719185
            TCA                           = 2010-03-13T22:37:52.618
            MISS_DISTANCE                 = 715                  [m]
            RELATIVE_SPEED                = 14762                [m/s]
            RELATIVE_POSITION_R           = 27.4                 [m]
            RELATIVE_POSITION_T           = -70.2                [m]
            RELATIVE_POSITION_N           = 711.8                [m]
            RELATIVE_VELOCITY_R           = -7.2                 [m/s]
            RELATIVE_VELOCITY_T           = -14692.0             [m/s]
            RELATIVE_VELOCITY_N           = -1437.2              [m/s]
            COLLISION_PROBABILITY         = 4.835E-05
            COLLISION_PROBABILITY_METHOD  = FOSTER-1992
            COMMENT HBR = 20.0
            OBJECT                        = OBJECT1
            OBJECT_DESIGNATOR             = 12345
            CATALOG_NAME                  = SATCAT
            OBJECT_NAME                   = SATELLITE A
            INTERNATIONAL_DESIGNATOR      = 1997-030E
            EPHEMERIS_NAME                = EPHEMERIS SATELLITE A
            COVARIANCE_METHOD             = CALCULATED
            MANEUVERABLE                  = YES
            REF_FRAME                     = EME2000
            GRAVITY_MODEL                 = EGM-96: 36D 36O
            RECOMMENDED_OD_SPAN           = 7.88                 [d]
            RESIDUALS_ACCEPTED            = 97.8                 [%]
            OBS_USED                      = 59
            X                             = 2570.097065          [km]
            Y                             = 2244.654904          [km]
            Z                             = 6281.497978          [km]
            X_DOT                         = 4.418769571          [km/s]
            Y_DOT                         = 4.833547743          [km/s]
            Z_DOT                         = -3.526774282         [km/s]
            CR_R                          = 4.142E+01            [m**2]
            CT_R                          = -8.579E+00           [m**2]
            CT_T                          = 2.533E+03            [m**2]
            CN_R                          = -2.313E+01           [m**2]
            CN_T                          = 1.336E+01            [m**2]
            CN_N                          = 7.098E+01            [m**2]
            CRDOT_R                       = 2.520E-03            [m**2/s]
            CRDOT_T                       = -5.476E+00           [m**2/s]
            CRDOT_N                       = 8.626E-04            [m**2/s]
            CRDOT_RDOT                    = 5.744E-03            [m**2/s**2]
            CTDOT_R                       = -1.006E-02           [m**2/s]
            CTDOT_T                       = 4.041E-03            [m**2/s]
            CTDOT_N                       = -1.359E-03           [m**2/s]
            CTDOT_RDOT                    = -1.502E-05           [m**2/s**2]
            CTDOT_TDOT                    = 1.049E-05            [m**2/s**2]
            CNDOT_R                       = 1.053E-03            [m**2/s]
            CNDOT_T                       = -3.412E-03           [m**2/s]
            CNDOT_N                       = 1.213E-02            [m**2/s]
            CNDOT_RDOT                    = -3.004E-06           [m**2/s**2]
            CNDOT_TDOT                    = -1.091E-06           [m**2/s**2]
            CNDOT_NDOT                    = 5.529E-05            [m**2/s**2]
            OBJECT                        = OBJECT2
            OBJECT_DESIGNATOR             = 30337
            CATALOG_NAME                  = SATCAT
            OBJECT_NAME                   = FENGYUN 1C DEB
            INTERNATIONAL_DESIGNATOR      = 1999-025AA
            EPHEMERIS_NAME                = NONE
            COVARIANCE_METHOD             = CALCULATED
            MANEUVERABLE                  = NO
            REF_FRAME                     = EME2000
            X                             = 2569.540800          [km]
            Y                             = 2245.093614          [km]
            Z                             = 6281.599946          [km]
            X_DOT                         = -2.888612500         [km/s]
            Y_DOT                         = -6.007247516         [km/s]
            Z_DOT                         = 3.328770172          [km/s]
            CR_R                          = 1.337E+03            [m**2]
            CT_R                          = -4.806E+04           [m**2]
            CT_T                          = 2.492E+06            [m**2]
            CN_R                          = -3.298E+01           [m**2]
            CN_T                          = -7.5888E+02          [m**2]
            CN_N                          = 7.105E+01            [m**2]
            CRDOT_R                       = 2.591E-03            [m**2/s]
            CRDOT_T                       = -4.152E-02           [m**2/s]
            CRDOT_N                       = -1.784E-06           [m**2/s]
            CRDOT_RDOT                    = 6.886E-05            [m**2/s**2]
            CTDOT_R                       = -1.016E-02           [m**2/s]
            CTDOT_T                       = -1.506E-04           [m**2/s]
            CTDOT_N                       = 1.637E-03            [m**2/s]
            CTDOT_RDOT                    = -2.987E-06           [m**2/s**2]
            CTDOT_TDOT                    = 1.059E-05            [m**2/s**2]
            CNDOT_R                       = 4.400E-03            [m**2/s]
            CNDOT_T                       = 8.482E-03            [m**2/s]
            CNDOT_N                       = 8.633E-05            [m**2/s]
            CNDOT_RDOT                    = -1.903E-06           [m**2/s**2]
            CNDOT_TDOT                    = -4.594E-06           [m**2/s**2]
            CNDOT_NDOT                    = 5.178E-05            [m**2/s**2]
            """;

    /** The same message in CDM XML (CCSDS 508.0-B-1 annex C structure), minus the optional OD fields. */
    static final String XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <cdm id="CCSDS_CDM_VERS" version="1.0">
              <header>
                <CREATION_DATE>2010-03-12T22:31:12.000</CREATION_DATE>
                <ORIGINATOR>JSPOC</ORIGINATOR>
                <MESSAGE_ID>201113719185</MESSAGE_ID>
              </header>
              <body>
                <relativeMetadataData>
                  <COMMENT>HBR = 20.0</COMMENT>
                  <TCA>2010-03-13T22:37:52.618</TCA>
                  <MISS_DISTANCE units="m">715</MISS_DISTANCE>
                  <RELATIVE_SPEED units="m/s">14762</RELATIVE_SPEED>
                  <relativeStateVector>
                    <RELATIVE_POSITION_R units="m">27.4</RELATIVE_POSITION_R>
                    <RELATIVE_POSITION_T units="m">-70.2</RELATIVE_POSITION_T>
                    <RELATIVE_POSITION_N units="m">711.8</RELATIVE_POSITION_N>
                    <RELATIVE_VELOCITY_R units="m/s">-7.2</RELATIVE_VELOCITY_R>
                    <RELATIVE_VELOCITY_T units="m/s">-14692.0</RELATIVE_VELOCITY_T>
                    <RELATIVE_VELOCITY_N units="m/s">-1437.2</RELATIVE_VELOCITY_N>
                  </relativeStateVector>
                  <COLLISION_PROBABILITY>4.835E-05</COLLISION_PROBABILITY>
                  <COLLISION_PROBABILITY_METHOD>FOSTER-1992</COLLISION_PROBABILITY_METHOD>
                </relativeMetadataData>
            %s
            %s
              </body>
            </cdm>
            """.formatted(
            xmlSegment("OBJECT1", "12345", "SATELLITE A", "1997-030E", "EPHEMERIS SATELLITE A", "YES",
                    new String[] {"2570.097065", "2244.654904", "6281.497978", "4.418769571", "4.833547743", "-3.526774282"},
                    new String[] {"4.142E+01", "-8.579E+00", "2.533E+03", "-2.313E+01", "1.336E+01", "7.098E+01",
                        "2.520E-03", "-5.476E+00", "8.626E-04", "5.744E-03", "-1.006E-02", "4.041E-03", "-1.359E-03",
                        "-1.502E-05", "1.049E-05", "1.053E-03", "-3.412E-03", "1.213E-02", "-3.004E-06", "-1.091E-06",
                        "5.529E-05"}),
            xmlSegment("OBJECT2", "30337", "FENGYUN 1C DEB", "1999-025AA", "NONE", "NO",
                    new String[] {"2569.540800", "2245.093614", "6281.599946", "-2.888612500", "-6.007247516", "3.328770172"},
                    new String[] {"1.337E+03", "-4.806E+04", "2.492E+06", "-3.298E+01", "-7.5888E+02", "7.105E+01",
                        "2.591E-03", "-4.152E-02", "-1.784E-06", "6.886E-05", "-1.016E-02", "-1.506E-04", "1.637E-03",
                        "-2.987E-06", "1.059E-05", "4.400E-03", "8.482E-03", "8.633E-05", "-1.903E-06", "-4.594E-06",
                        "5.178E-05"}));

    private CdmFixtures() {
    }

    private static String xmlSegment(String object, String designator, String name, String intl, String ephemeris,
                                     String maneuverable, String[] state, String[] covariance) {
        StringBuilder sb = new StringBuilder();
        sb.append("    <segment>\n      <metadata>\n");
        sb.append("        <OBJECT>").append(object).append("</OBJECT>\n");
        sb.append("        <OBJECT_DESIGNATOR>").append(designator).append("</OBJECT_DESIGNATOR>\n");
        sb.append("        <CATALOG_NAME>SATCAT</CATALOG_NAME>\n");
        sb.append("        <OBJECT_NAME>").append(name).append("</OBJECT_NAME>\n");
        sb.append("        <INTERNATIONAL_DESIGNATOR>").append(intl).append("</INTERNATIONAL_DESIGNATOR>\n");
        sb.append("        <EPHEMERIS_NAME>").append(ephemeris).append("</EPHEMERIS_NAME>\n");
        sb.append("        <COVARIANCE_METHOD>CALCULATED</COVARIANCE_METHOD>\n");
        sb.append("        <MANEUVERABLE>").append(maneuverable).append("</MANEUVERABLE>\n");
        sb.append("        <REF_FRAME>EME2000</REF_FRAME>\n");
        sb.append("      </metadata>\n      <data>\n        <stateVector>\n");
        String[] axes = {"X", "Y", "Z", "X_DOT", "Y_DOT", "Z_DOT"};
        for (int i = 0; i < 6; i++) {
            sb.append("          <").append(axes[i]).append(" units=\"").append(i < 3 ? "km" : "km/s").append("\">")
                    .append(state[i]).append("</").append(axes[i]).append(">\n");
        }
        sb.append("        </stateVector>\n        <covarianceMatrix>\n");
        for (int i = 0; i < covariance.length; i++) {
            String key = RtnCovariance.KEYWORDS.get(i);
            int dots = (key.substring(0, key.indexOf('_')).endsWith("DOT") ? 1 : 0) + (key.endsWith("DOT") ? 1 : 0);
            String unit = dots == 0 ? "m**2" : dots == 1 ? "m**2/s" : "m**2/s**2";
            sb.append("          <").append(key).append(" units=\"").append(unit).append("\">").append(covariance[i])
                    .append("</").append(key).append(">\n");
        }
        sb.append("        </covarianceMatrix>\n      </data>\n    </segment>");
        return sb.toString();
    }

    /**
     * {@code text} with the {@code occurrence}-th (1-based) line whose keyword is {@code key}
     * replaced by {@code replacement} (null removes the line).
     */
    static String replaceLine(String text, String key, int occurrence, String replacement) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=.*\\n").matcher(text);
        int seen = 0;
        while (m.find()) {
            if (++seen == occurrence) {
                return text.substring(0, m.start()) + (replacement == null ? "" : replacement + "\n") + text.substring(m.end());
            }
        }
        throw new IllegalArgumentException(key + " #" + occurrence + " not in fixture");
    }

    static String replaceLine(String text, String key, String replacement) {
        return replaceLine(text, key, 1, replacement);
    }
}
