package dev.attest.app.probe;

import dev.attest.inference.probe.PerturbationSpecs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The workstation's perturbation choices: the quick default set, and ticked levels turned into command-line specs. */
class PerturbationMenuTest {
    @Test
    void theQuickSetIsIdentityTwoNoiseLevelsAndOneLevelOfBlurDownsamplingRotationAndMissingSlices() {
        List<String> specs = PerturbationMenu.quickSpecs();
        assertEquals(List.of("identity", "noise:snr=20,5", "blur:sigma=2", "downsample:factor=2", "rotate:deg=2",
                "missing:every=4"), specs);
        assertEquals(8, PerturbationMenu.runs(specs), "the unperturbed run and seven perturbations");
        assertEquals(List.of("identity", "noise snr=20", "noise snr=5", "blur sigma=2", "downsample factor=2",
                "rotate deg=2", "missing every=4"), PerturbationSpecs.parseAll(specs, 1).stream().map(p -> p.label()).toList());
    }

    @Test
    void tickedLevelsBecomeSpecsInTheMenusOrderFromMildToStrong() {
        // Ticked in another order, and a kind with nothing ticked: the specs follow the menu.
        assertEquals(List.of("noise:snr=40,5", "shift:offset=-100", "missing:every=3,2"), PerturbationMenu.specs(false,
                Map.of("missing", List.of(2.0, 3.0), "noise", Set.of(5.0, 40.0), "shift", List.of(-100.0), "rotate", List.of())));
        assertEquals(List.of("identity"), PerturbationMenu.specs(true, Map.of()));
        assertNull(PerturbationMenu.kind("blur").spec(List.of()));
        assertEquals(4, PerturbationMenu.runs(List.of("identity", "rotate:deg=2,5")));
    }

    @Test
    void everyLevelOfferedIsAValidSpecOfItsKind() {
        for (PerturbationMenu.Kind k : PerturbationMenu.KINDS) {
            var parsed = PerturbationSpecs.parse(k.spec(k.levels()), 1);
            assertEquals(k.levels().size(), parsed.size(), k.kind());
            for (int i = 0; i < parsed.size(); i++) {
                assertEquals(k.kind(), parsed.get(i).kind());
                assertEquals(k.parameter(), parsed.get(i).parameter());
                assertEquals(k.levels().get(i), parsed.get(i).level());
            }
        }
    }

    @Test
    void theEstimateIsRunsTimesTheLastRunsDuration() {
        assertEquals(OptionalLong.of(22), PerturbationMenu.estimateSeconds(8, 2700));
        assertEquals(OptionalLong.empty(), PerturbationMenu.estimateSeconds(8, 0));
    }
}
