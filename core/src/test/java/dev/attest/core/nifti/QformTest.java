package dev.attest.core.nifti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.core.TestData;
import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.Vec3;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class QformTest {

    @Test
    void decodesTheQuaternionOfAnObliqueDcm2niixFileLikeNibabel() throws IOException {
        NiftiHeader header = NiftiReader.readHeader(TestData.file("dicom-codecs/dcm_qa_12bit/2.nii"));
        // nibabel 5.0: nib.load('2.nii').header.get_qform()
        Affine nibabel = Affine.of(new double[][] {
            {-3.2499949672897297e+00, 1.9930463090895199e-06, -5.6314997889441833e-03, 1.0884056854248047e+02},
            {-5.2632834638759835e-04, 3.2361052668239316e+00, 2.9558545410001436e-01, -8.4309730529785156e+01},
            {-5.6952234284528220e-03, -3.0020443372881400e-01, 3.1863141450130743e+00, -6.7141990661621094e+00},
            {0, 0, 0, 1}});
        assertEquals(-1.0, header.qform().qfac());
        assertTrue(header.qform().toAffine().maxAbsDifference(nibabel) < 1e-12,
                () -> "qform " + header.qform().toAffine() + " differs from nibabel's " + nibabel);
    }

    @Test
    void decodesANearlyHalfTurnQuaternionLikeNibabel() throws IOException {
        // brainchop's qform is a 180-degree turn stored in float32, where a = sqrt(1 - b^2 - c^2 - d^2)
        // is tiny; the file's qform_code is 0 but the fields are filled in.
        NiftiHeader header = NiftiReader.readHeader(TestData.nifti("brainchop_t1_crop.nii.gz"));
        // nibabel 5.0: nib.load('brainchop_t1_crop.nii.gz').header.get_qform()
        Affine nibabel = Affine.of(new double[][] {
            {-9.9999993154291644e-01, -2.6164304159334876e-04, 2.6164304159334876e-04, 1.2759999847412109e+02},
            {2.6164304159334876e-04, 3.4228541778702493e-08, 9.9999996577145822e-01, -1.3348001098632812e+02},
            {2.6164304159334876e-04, -9.9999996577145822e-01, -3.4228541778702493e-08, 1.3447999572753906e+02},
            {0, 0, 0, 1}});
        assertTrue(header.qform().toAffine().maxAbsDifference(nibabel) < 1e-12);
    }

    @Test
    void fromAffineRecoversALeftHandedObliqueRotationExactly() throws IOException {
        Affine oblique = NiftiReader.readHeader(TestData.file("dicom-codecs/dcm_qa_12bit/2.nii")).qform().toAffine();
        Qform fitted = Qform.fromAffine(oblique);
        assertEquals(-1.0, fitted.qfac());
        assertTrue(fitted.toAffine().maxAbsDifference(oblique) < 1e-12);
        assertEquals(3.25, fitted.voxelSize().x(), 1e-6);
        assertEquals(3.2, fitted.voxelSize().z(), 1e-6);
    }

    @Test
    void fromAffineHandlesHalfTurnsWithoutDividingByZero() {
        // Rotation by 180 degrees about y: a = 0, the case where a naive trace formula fails.
        Affine halfTurn = Affine.fromColumns(new Vec3(-2, 0, 0), new Vec3(0, 2, 0), new Vec3(0, 0, -3), new Vec3(1, 2, 3));
        Qform q = Qform.fromAffine(halfTurn);
        assertEquals(1.0, q.qfac());
        assertEquals(0.0, q.quaternB(), 1e-15);
        assertEquals(1.0, Math.abs(q.quaternC()), 1e-15);
        assertTrue(q.toAffine().maxAbsDifference(halfTurn) < 1e-14);
    }

    @Test
    void shearedAffineGetsTheNearestRigidQform() {
        double shift = 2.5 * Math.tan(Math.toRadians(18.5));
        Affine tiltedRas = Affine.fromColumns(
                new Vec3(-0.5, 0, 0), new Vec3(0, -0.5, 0), new Vec3(0, shift, 2.5), new Vec3(125, 140, 30));
        Qform q = Qform.fromAffine(tiltedRas);
        Affine rigid = q.toAffine();
        Vec3 c0 = rigid.column(0).normalized();
        Vec3 c1 = rigid.column(1).normalized();
        Vec3 c2 = rigid.column(2).normalized();
        assertEquals(0.0, c0.dot(c1), 1e-12);
        assertEquals(0.0, c0.dot(c2), 1e-12);
        assertEquals(0.0, c1.dot(c2), 1e-12);
        assertEquals(tiltedRas.column(2).norm(), rigid.column(2).norm(), 1e-12);
        assertEquals(tiltedRas.translation(), rigid.translation());
        // Handedness is kept, and the rigid k axis lies between the sheared one and the slice normal.
        assertEquals(Math.signum(tiltedRas.determinant()), Math.signum(rigid.determinant()));
        double tiltedAngle = Math.atan2(tiltedRas.column(2).y(), tiltedRas.column(2).z());
        double rigidAngle = Math.atan2(rigid.column(2).y(), rigid.column(2).z());
        assertTrue(rigidAngle > 0 && rigidAngle < tiltedAngle, () -> "rigid k axis at " + Math.toDegrees(rigidAngle));
    }
}
