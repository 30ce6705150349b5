package dev.attest.viewer.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attest.core.geometry.Vec3;
import dev.attest.viewer.mpr.SliceImage;
import dev.attest.viewer.mpr.ViewPlane;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementCsvTest {

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaksPerRfc4180() {
        assertEquals("plain", MeasurementCsv.field("plain"));
        assertEquals("\"a,b\"", MeasurementCsv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", MeasurementCsv.field("say \"hi\""));
        assertEquals("\"two\r\nlines\"", MeasurementCsv.field("two\r\nlines"));
        assertEquals("\"x\ny\"", MeasurementCsv.field("x\ny"));
    }

    @Test
    void writesHeaderThenOneRowPerQuantityWithUnits() {
        Distance d = new Distance("lesion, long axis", new Vec3(0, 0, 0), new Vec3(3, 4, 0));
        float[] one = {-5};
        RoiMeasurement roi = new EllipseRoi("\"cyst\"", 0, 0, 0.5, 0.5)
                .measure(new SliceImage(1, 1, 2, one, ViewPlane.axial(Vec3.ZERO), Vec3.ZERO, "HU"));
        String csv = MeasurementCsv.toCsv(List.of(d, roi));
        assertEquals(
                "kind,label,quantity,value,unit\r\n"
                        + "distance,\"lesion, long axis\",length,5,mm\r\n"
                        + "ellipse,\"\"\"cyst\"\"\",area," + Math.PI + ",mm2\r\n"
                        + "ellipse,\"\"\"cyst\"\"\",mean,-5,HU\r\n"
                        + "ellipse,\"\"\"cyst\"\"\",sd,,HU\r\n"
                        + "ellipse,\"\"\"cyst\"\"\",min,-5,HU\r\n"
                        + "ellipse,\"\"\"cyst\"\"\",max,-5,HU\r\n"
                        + "ellipse,\"\"\"cyst\"\"\",count,1,pixels\r\n",
                csv);
    }
}
