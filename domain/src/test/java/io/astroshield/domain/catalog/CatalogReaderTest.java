package io.astroshield.domain.catalog;

import io.astroshield.domain.input.ReadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static io.astroshield.domain.catalog.TleReaderTest.ISS_1;
import static io.astroshield.domain.catalog.TleReaderTest.ISS_2;
import static org.assertj.core.api.Assertions.assertThat;

class CatalogReaderTest {

    @Test
    void detectsEveryCatalogFormatFromContent() {
        assertThat(CatalogReader.detect("0 ISS\n" + ISS_1 + "\n" + ISS_2)).contains(CatalogReader.Format.TLE);
        assertThat(CatalogReader.detect(ISS_1 + "\r\n" + ISS_2)).contains(CatalogReader.Format.TLE);
        assertThat(CatalogReader.detect(OmmReaderTest.GOES9_KVN)).contains(CatalogReader.Format.OMM_KVN);
        assertThat(CatalogReader.detect(OmmReaderTest.GOES9_XML)).contains(CatalogReader.Format.OMM_XML);
        assertThat(CatalogReader.detect("[" + GpReaderTest.ISS_OBJECT + "]")).contains(CatalogReader.Format.GP_JSON);
        assertThat(CatalogReader.detect(GpReaderTest.CSV_HEADER + "\n" + GpReaderTest.ISS_ROW))
                .contains(CatalogReader.Format.GP_CSV);
        assertThat(CatalogReader.detect(OemReaderTest.OEM_KVN)).isEmpty();
        assertThat(CatalogReader.detect(OemReaderTest.OEM_XML)).isEmpty();
        assertThat(CatalogReader.detect("")).isEmpty();
    }

    @Test
    void everyFormatReadsToTheSameIssNumbers(@TempDir Path dir) throws IOException {
        // given: the same ISS element set as TLE, GP JSON and GP CSV (see GpReaderTest for the conversion)
        Path tle = Files.writeString(dir.resolve("a.txt"), "ISS (ZARYA)\n" + ISS_1 + "\n" + ISS_2 + "\n");
        Path json = Files.writeString(dir.resolve("b.txt"), "[" + GpReaderTest.ISS_OBJECT + "]");
        Path csv = Files.writeString(dir.resolve("c.txt"), GpReaderTest.CSV_HEADER + "\n" + GpReaderTest.ISS_ROW);

        // when
        ElementSet fromTle = CatalogReader.read(tle).records().get(0);
        ElementSet fromJson = CatalogReader.read(json).records().get(0);
        ElementSet fromCsv = CatalogReader.read(csv).records().get(0);

        // then
        assertThat(fromJson.meanMotionRadPerS()).isCloseTo(fromTle.meanMotionRadPerS(), org.assertj.core.api.Assertions.within(1e-18));
        assertThat(fromCsv.epoch()).isEqualTo(fromTle.epoch());
        assertThat(fromJson.noradId()).isEqualTo(25544);
        assertThat(fromCsv.noradId()).isEqualTo(25544);
    }

    @Test
    void ommFilesAreDispatchedToTheOmmReader() {
        assertThat(CatalogReader.read("g.kvn", OmmReaderTest.GOES9_KVN).records()).extracting(ElementSet::noradId)
                .containsExactly(23581);
        assertThat(CatalogReader.read("g.xml", OmmReaderTest.GOES9_XML).records()).extracting(ElementSet::noradId)
                .containsExactly(23581);
    }

    @Test
    void unknownFormatIsOneErrorAtLineZeroNamingTheExpectedFormats() {
        ReadResult<ElementSet> result = CatalogReader.read("notes.txt", "dear diary\nthe orbit looked fine\n");
        assertThat(result.records()).isEmpty();
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.line()).isZero();
            assertThat(d.reason()).contains("TLE").contains("OMM").contains("GP JSON").contains("CSV");
        });
        assertThat(CatalogReader.read("eph.oem", OemReaderTest.OEM_KVN).errors()).hasSize(1);
    }

    @Test
    void unreadableFileIsOneErrorAtLineZero(@TempDir Path dir) {
        ReadResult<ElementSet> result = CatalogReader.read(dir);
        assertThat(result.errors()).singleElement().satisfies(d -> assertThat(d.line()).isZero());
        assertThat(CatalogReader.detect(null)).isEqualTo(Optional.empty());
    }
}
