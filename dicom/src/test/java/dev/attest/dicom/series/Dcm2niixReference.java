package dev.attest.dicom.series;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A dcm2niix conversion recorded by tools/reference/make_dcm2niix_refs.sh (dims, sform, raw-value
 * sha256 in NIfTI order), and the means to compare one of our volumes with it in dcm2niix's own
 * voxel order: each of its axes is matched to ours by direction, so flips and permutations that
 * dcm2niix applies (it flips rows; for 3D MR it reorients towards RAS) are undone exactly.
 */
record Dcm2niixReference(int[] dims, String datatype, double sclSlope, double sclInter, Affine sformRas, String sha256) {

    static Dcm2niixReference load(String name) throws IOException {
        try (InputStream in = Dcm2niixReference.class.getResourceAsStream("/reference/dcm2niix/" + name + ".json")) {
            if (in == null) {
                throw new IOException("no reference " + name);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            JsonNode n = root.get("nifti");
            int[] dims = new int[n.get("dims").size()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = n.get("dims").get(i).asInt();
            }
            double[][] rows = new double[4][4];
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 4; c++) {
                    rows[r][c] = n.get("sform").get(r).get(c).asDouble();
                }
            }
            return new Dcm2niixReference(dims, n.get("datatype").asText(), n.get("scl_slope").asDouble(),
                    n.get("scl_inter").asDouble(), Affine.of(rows), n.get("voxel_sha256_raw_le_fortran").asText());
        }
    }

    /**
     * For each reference axis a: which of our axes it runs along and whether reversed. Matched by
     * the largest |cosine| between direction columns, so a sheared grid still maps unambiguously.
     */
    int[][] axisMapping(Affine oursRas) {
        int[][] map = new int[3][2];
        boolean[] used = new boolean[3];
        for (int a = 0; a < 3; a++) {
            Vec3 ref = sformRas.column(a).normalized();
            int best = -1;
            double bestCos = 0;
            for (int b = 0; b < 3; b++) {
                double cos = ref.dot(oursRas.column(b).normalized());
                if (!used[b] && Math.abs(cos) > Math.abs(bestCos)) {
                    best = b;
                    bestCos = cos;
                }
            }
            used[best] = true;
            map[a][0] = best;
            map[a][1] = bestCos < 0 ? 1 : 0;
        }
        return map;
    }

    /** sha256 of our stored values written in the reference's voxel order and datatype. */
    String hashInReferenceOrder(Volume volume) throws NoSuchAlgorithmException {
        int[][] map = axisMapping(volume.grid().toRas());
        int[] ourSize = {volume.grid().sizeX(), volume.grid().sizeY(), volume.grid().sizeZ()};
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        int bytes = datatype.endsWith("8") ? 1 : datatype.endsWith("16") ? 2 : 4;
        ByteBuffer row = ByteBuffer.allocate(dims[0] * bytes).order(ByteOrder.LITTLE_ENDIAN);
        int[] ours = new int[3];
        for (int k = 0; k < dims[2]; k++) {
            for (int j = 0; j < dims[1]; j++) {
                row.clear();
                for (int i = 0; i < dims[0]; i++) {
                    int[] ref = {i, j, k};
                    for (int a = 0; a < 3; a++) {
                        int b = map[a][0];
                        ours[b] = map[a][1] == 1 ? ourSize[b] - 1 - ref[a] : ref[a];
                    }
                    long v = (long) volume.getStored(ours[0], ours[1], ours[2]);
                    switch (bytes) {
                        case 1 -> row.put((byte) v);
                        case 2 -> row.putShort((short) v);
                        default -> row.putInt((int) v);
                    }
                }
                sha.update(row.array(), 0, row.position());
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Our RAS affine expressed in the reference's voxel order (columns permuted, flipped axes re-anchored). */
    Affine oursInReferenceOrder(Affine oursRas, int[] ourSize) {
        int[][] map = axisMapping(oursRas);
        Vec3[] cols = new Vec3[3];
        Vec3 origin = oursRas.translation();
        for (int a = 0; a < 3; a++) {
            Vec3 c = oursRas.column(map[a][0]);
            if (map[a][1] == 1) {
                origin = origin.add(c.scale(ourSize[map[a][0]] - 1));
                c = c.scale(-1);
            }
            cols[a] = c;
        }
        return Affine.fromColumns(cols[0], cols[1], cols[2], origin);
    }
}
