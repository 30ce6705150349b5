package dev.attest.app.bench.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bench render --parts}: picking parts by name, in their usual order, and refusing unknown names. */
class RenderBenchmarkPartsTest {

    @Test
    void namedPartsAreRunInTheirUsualOrderAndNoneMeansAll() {
        List<RenderBenchPart> parts = RenderBenchmark.parts(List.of("marchingCubes", "rayCast"));
        assertEquals(List.of("rayCast", "marchingCubes"), parts.stream().map(RenderBenchPart::name).toList());
        assertSame(RenderBenchmark.DEFAULT_PARTS, RenderBenchmark.parts(null));
        assertSame(RenderBenchmark.DEFAULT_PARTS, RenderBenchmark.parts(List.of()));
    }

    @Test
    void anUnknownPartIsRefusedWithTheNamesThereAre() {
        var e = assertThrows(IllegalArgumentException.class, () -> RenderBenchmark.parts(List.of("raycast")));
        assertTrue(e.getMessage().startsWith("no render benchmark part raycast; parts: [slice2d, coronalReformat, rayCast,"),
                e.getMessage());
    }
}
