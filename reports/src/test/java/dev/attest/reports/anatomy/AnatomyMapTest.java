package dev.attest.reports.anatomy;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.labels.LabelDescription;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.reports.lexicon.ModelVocabulary;
import dev.attest.reports.lexicon.Vocabularies;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Components, containers and the midline on small hand-made label maps (demo vocabulary). */
class AnatomyMapTest {
    private static final ModelVocabulary DEMO = ModelVocabulary.bind(Vocabularies.builtIn(Vocabularies.DEMO),
            new LabelDescriptions(List.of(new LabelDescription(1, "body", 0), new LabelDescription(3, "left lung", 0),
                    new LabelDescription(4, "liver", 0), new LabelDescription(7, "vertebral column", 0),
                    new LabelDescription(10, "lung nodule", 0))));

    private static Volume volume(int nx, int ny, int nz) {
        Volume v = Volume.allocate(new ImageGrid(nx, ny, nz, Affine.diagonal(2, 2, 2)), VoxelType.UINT8);
        v.setName("hand-made");
        return v;
    }

    @Test
    void diagonalNeighboursAreOneLesionIn26AndTwoIn6Connectivity() {
        Volume v = volume(6, 6, 6);
        v.setStored(1, 1, 1, 10);
        v.setStored(2, 2, 2, 10);
        v.setStored(4, 4, 4, 10);
        assertEquals(List.of(2, 1), AnatomyMap.of(v, DEMO, Connectivity.TWENTY_SIX).components(10).stream()
                .map(c -> c.mask().count()).toList());
        assertEquals(List.of(1, 1, 1), AnatomyMap.of(v, DEMO, Connectivity.SIX).components(10).stream()
                .map(c -> c.mask().count()).toList());
        // Equal sizes keep the order of their first voxel; numbers count from the largest.
        AnatomyMap six = AnatomyMap.of(v, DEMO, Connectivity.SIX);
        assertEquals(List.of(1 + 6 * (1 + 6), 2 + 6 * (2 + 6 * 2), 4 + 6 * (4 + 6 * 4)),
                six.components(10).stream().map(c -> c.mask().indices()[0]).toList());
        assertEquals(List.of(1, 2, 3), six.components(10).stream().map(LabelComponent::number).toList());
    }

    @Test
    void aLesionLiesInTheOrganMostOfItsShellTouchesAndItsVoxelsReadAsThatOrgan() {
        Volume v = volume(7, 7, 7);
        for (int z = 0; z < 7; z++) {
            for (int y = 0; y < 7; y++) {
                for (int x = 0; x < 7; x++) {
                    v.setStored(x, y, z, x < 2 ? 4 : 3);
                }
            }
        }
        v.setStored(3, 3, 3, 10);
        AnatomyMap map = AnatomyMap.of(v, DEMO);
        LabelComponent nodule = map.components(10).get(0);
        assertEquals(3, nodule.containerLabel());
        int index = 3 + 7 * (3 + 7 * 3);
        assertEquals(10, map.label(index));
        assertEquals(3, map.locationLabel(index));
    }

    @Test
    void aLesionAwayFromOrgansFindsTheNearestWithinTenMillimetresElseTheBody() {
        Volume v = volume(12, 3, 3);
        for (int x = 0; x < 12; x++) {
            for (int y = 0; y < 3; y++) {
                for (int z = 0; z < 3; z++) {
                    v.setStored(x, y, z, 1);
                }
            }
        }
        v.setStored(1, 1, 1, 10);
        v.setStored(5, 1, 1, 4);
        // 4 voxels of 2 mm away: the liver is found on the fourth ring.
        assertEquals(4, AnatomyMap.of(v, DEMO).components(10).get(0).containerLabel());
        v.setStored(5, 1, 1, 1);
        v.setStored(11, 1, 1, 4);
        // 20 mm away: too far; the body holds it.
        assertEquals(1, AnatomyMap.of(v, DEMO).components(10).get(0).containerLabel());
    }

    @Test
    void theMidlineIsTheSpineWhenPresentElseEverythingLabelled() {
        Volume v = volume(10, 2, 2);
        v.setStored(0, 0, 0, 4);
        v.setStored(3, 0, 0, 7);
        v.setStored(4, 0, 0, 7);
        assertEquals(7.0, AnatomyMap.of(v, DEMO).midlineX().orElseThrow(), 1e-12);
        assertEquals("centroid of vertebral column", AnatomyMap.of(v, DEMO).midlineSource());
        v.setStored(3, 0, 0, 0);
        v.setStored(4, 0, 0, 0);
        v.setStored(9, 0, 0, 3);
        assertEquals(9.0, AnatomyMap.of(v, DEMO).midlineX().orElseThrow(), 1e-12);
        assertEquals("centroid of all labelled voxels", AnatomyMap.of(v, DEMO).midlineSource());
        assertEquals(true, AnatomyMap.of(volume(2, 2, 2), DEMO).midlineX().isEmpty());
    }
}
