package dev.attest.viewer.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attest.core.geometry.Vec3;
import dev.attest.viewer.mpr.Interpolation;
import dev.attest.viewer.mpr.ViewPlane;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasurementExportTest {

    private static final ViewPlane AXIAL = ViewPlane.axial(new Vec3(0, 0, -3));

    private static List<DrawnMeasurement> measurements() {
        MeasurementList list = new MeasurementList();
        list.add(MeasurementKind.DISTANCE, List.of(new Vec3(0, 0, -3), new Vec3(3, 4, -3)), AXIAL, "");
        // rx 3 mm, ry 1.5 mm around (0, 0): six pixel centres inside (numpy), at y = -0.5 and 1.
        list.add(MeasurementKind.ELLIPSE, List.of(new Vec3(-3, -1.5, -3), new Vec3(3, 1.5, -3)), AXIAL, "cyst, left");
        list.add(MeasurementKind.ANGLE, List.of(new Vec3(1, 0, -3), Vec3.ZERO, new Vec3(0, 2, -3)), AXIAL, "");
        return list.all();
    }

    private static final String EXPECTED = "id,kind,label,plane_normal_lps,plane_offset_mm,points_lps,quantity,value,unit\r\n"
            + "1,distance,,0 0 1,-3,0 0 -3;3 4 -3,length,5,mm\r\n"
            + "2,ellipse,\"cyst, left\",0 0 1,-3,-3 -1.5 -3;3 1.5 -3,area,14.137166941154069,mm2\r\n"
            + "2,ellipse,\"cyst, left\",0 0 1,-3,-3 -1.5 -3;3 1.5 -3,mean,37.25,HU\r\n"
            + "2,ellipse,\"cyst, left\",0 0 1,-3,-3 -1.5 -3;3 1.5 -3,sd,0,HU\r\n"
            + "2,ellipse,\"cyst, left\",0 0 1,-3,-3 -1.5 -3;3 1.5 -3,min,37.25,HU\r\n"
            + "2,ellipse,\"cyst, left\",0 0 1,-3,-3 -1.5 -3;3 1.5 -3,max,37.25,HU\r\n"
            + "2,ellipse,\"cyst, left\",0 0 1,-3,-3 -1.5 -3;3 1.5 -3,count,6,pixels\r\n"
            + "3,angle,,0 0 1,-3,1 0 -3;0 0 -3;0 2 -3,angle,90,deg\r\n";

    @Test
    void writesOneRowPerQuantityWithWhereTheMeasurementLies() {
        MeasurementCalculator calc = new MeasurementCalculator(TestVolumes.field(p -> 37.25), Interpolation.LINEAR);
        assertEquals(EXPECTED, MeasurementExport.toCsv(measurements(), calc));
    }

    @Test
    void writesTheSameTextToAFileInUtf8(@TempDir Path dir) throws Exception {
        MeasurementCalculator calc = new MeasurementCalculator(TestVolumes.field(p -> 37.25), Interpolation.LINEAR);
        Path file = dir.resolve("measurements.csv");
        MeasurementExport.write(measurements(), calc, file);
        assertEquals(EXPECTED, Files.readString(file, StandardCharsets.UTF_8));
    }
}
