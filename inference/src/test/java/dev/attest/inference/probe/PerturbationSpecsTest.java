package dev.attest.inference.probe;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PerturbationSpecsTest {
    @Test
    void readsOnePerturbationPerLevelWithOptionsAndTheSeed() {
        assertEquals(List.of(new GaussianNoise(20.0, 7L), new GaussianNoise(10.0, 7L), new GaussianNoise(5.0, 7L)),
                PerturbationSpecs.parse("noise:snr=20,10,5", 7));
        assertEquals(List.of(new Rotation(2, Rotation.PatientAxis.L), new Rotation(-5, Rotation.PatientAxis.L)),
                PerturbationSpecs.parse("rotate:deg=2,-5:axis=l", 7));
        assertEquals(List.of(new Rotation(3, Rotation.PatientAxis.S)), PerturbationSpecs.parse("rotate:deg=3", 7));
        assertEquals(List.of(new MissingSlices(4, MissingSlices.Fill.ZERO)), PerturbationSpecs.parse("missing:fill=zero:every=4", 7));
        assertEquals(List.of(new Downsample(2, "z"), new Downsample(3, "z")), PerturbationSpecs.parse("downsample:factor=2,3:axes=z", 7));
        assertEquals(List.of(new Identity(), new IntensityScale(0.9), new IntensityShift(-100), new GaussianBlur(1.5)),
                PerturbationSpecs.parseAll(List.of("identity", "scale:factor=0.9", "shift:offset=-100", "blur:sigma=1.5"), 7));
        assertEquals(16, PerturbationSpecs.parseAll(PerturbationSpecs.DEFAULTS, 1).size());
    }

    @Test
    void labelsNameKindParameterAndLevelAsTyped() {
        assertEquals("noise snr=20", new GaussianNoise(20.0, 1L).label());
        assertEquals("blur sigma=1.5", new GaussianBlur(1.5).label());
        assertEquals("shift offset=-100", new IntensityShift(-100).label());
        assertEquals("identity", new Identity().label());
    }

    @Test
    void badSpecsAreRejectedWithTheSpecAndTheReason() {
        assertEquals("perturbation 'fog:level=1': unknown kind 'fog' (identity, noise, scale, shift, blur, downsample, rotate, missing)",
                assertThrows(PerturbationSpecException.class, () -> PerturbationSpecs.parse("fog:level=1", 1)).getMessage());
        assertEquals("perturbation 'noise': no levels: write noise:snr=L1,L2,...",
                assertThrows(PerturbationSpecException.class, () -> PerturbationSpecs.parse("noise", 1)).getMessage());
        assertEquals("perturbation 'noise:sigma=3': noise has no setting 'sigma' (level: snr)",
                assertThrows(PerturbationSpecException.class, () -> PerturbationSpecs.parse("noise:sigma=3", 1)).getMessage());
        assertEquals("perturbation 'noise:snr=10,x': level 'x' is not a number",
                assertThrows(PerturbationSpecException.class, () -> PerturbationSpecs.parse("noise:snr=10,x", 1)).getMessage());
        assertEquals("perturbation 'noise:snr=0': noise SNR must be positive and finite, got 0.0",
                assertThrows(PerturbationSpecException.class, () -> PerturbationSpecs.parse("noise:snr=0", 1)).getMessage());
        assertEquals("perturbation 'downsample:factor=1.5': downsampling factor must be a whole number, got 1.5",
                assertThrows(PerturbationSpecException.class, () -> PerturbationSpecs.parse("downsample:factor=1.5", 1)).getMessage());
        assertEquals("perturbation 'rotate:deg=2:axis=X': rotation axis must be L, P or S (patient LPS axes), got 'X'",
                assertThrows(PerturbationSpecException.class, () -> PerturbationSpecs.parse("rotate:deg=2:axis=X", 1)).getMessage());
        assertEquals("perturbation 'missing:every=2:fill=blank': missing-slice fill must be neighbour or zero, got 'blank'",
                assertThrows(PerturbationSpecException.class, () -> PerturbationSpecs.parse("missing:every=2:fill=blank", 1)).getMessage());
    }
}
