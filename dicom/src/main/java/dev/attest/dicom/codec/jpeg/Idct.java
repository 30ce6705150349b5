package dev.attest.dicom.codec.jpeg;

/**
 * The inverse DCT of an 8 × 8 block in scaled integer arithmetic, with the factorisation of
 * Loeffler, Ligtenberg and Moschytz ("Practical fast 1-D DCT algorithms with 11 multiplications",
 * ICASSP 1989): 12 multiplications per 8-point pass, constants scaled by 2^13, columns first,
 * then rows. The scaling and rounding are those of the IJG "islow" method, which DCMTK (and so
 * the references) decode with; the results match it, not merely the ideal transform.
 */
final class Idct {
    private static final int CONST_BITS = 13;

    private static int fix(double x) {
        return (int) Math.round(x * (1 << CONST_BITS));
    }

    // sqrt(2) * cos/sin combinations of the rotations in the LLM flow graph.
    private static final int C_0_298631336 = fix(0.298631336);
    private static final int C_0_390180644 = fix(0.390180644);
    private static final int C_0_541196100 = fix(0.541196100);
    private static final int C_0_765366865 = fix(0.765366865);
    private static final int C_0_899976223 = fix(0.899976223);
    private static final int C_1_175875602 = fix(1.175875602);
    private static final int C_1_501321110 = fix(1.501321110);
    private static final int C_1_847759065 = fix(1.847759065);
    private static final int C_1_961570560 = fix(1.961570560);
    private static final int C_2_053119869 = fix(2.053119869);
    private static final int C_2_562915447 = fix(2.562915447);
    private static final int C_3_072711026 = fix(3.072711026);

    private Idct() {
    }

    /**
     * Dequantizes {@code coef} (natural order) with {@code quant}, transforms it and writes the
     * 8 × 8 samples, level-shifted and clamped to 0..2^precision - 1, to {@code out} from
     * {@code off}, {@code stride} apart per row. {@code ws} is 64 ints of scratch space.
     */
    static void transform(int[] coef, int[] quant, int[] ws, short[] out, int off, int stride, int precision) {
        // Intermediate results keep 2 extra fraction bits for 8-bit samples, 1 for 12-bit ones
        // (so 32-bit arithmetic cannot overflow).
        final int pass1Bits = precision <= 8 ? 2 : 1;
        final int max = (1 << precision) - 1;
        final int center = 1 << (precision - 1);

        for (int c = 0; c < 8; c++) {
            int i0 = coef[c] * quant[c];
            if (coef[8 + c] == 0 && coef[16 + c] == 0 && coef[24 + c] == 0 && coef[32 + c] == 0
                    && coef[40 + c] == 0 && coef[48 + c] == 0 && coef[56 + c] == 0) {
                // Only the DC term: the column is flat, which the full pass computes exactly as well.
                int dc = i0 << pass1Bits;
                for (int r = 0; r < 64; r += 8) {
                    ws[r + c] = dc;
                }
                continue;
            }
            int i1 = coef[8 + c] * quant[8 + c];
            int i2 = coef[16 + c] * quant[16 + c];
            int i3 = coef[24 + c] * quant[24 + c];
            int i4 = coef[32 + c] * quant[32 + c];
            int i5 = coef[40 + c] * quant[40 + c];
            int i6 = coef[48 + c] * quant[48 + c];
            int i7 = coef[56 + c] * quant[56 + c];
            int shift = CONST_BITS - pass1Bits;
            int round = 1 << (shift - 1);

            // Even part: the rotation of terms 2 and 6, the butterfly of 0 and 4.
            int z1 = (i2 + i6) * C_0_541196100;
            int e2 = z1 - i6 * C_1_847759065;
            int e3 = z1 + i2 * C_0_765366865;
            int e0 = (i0 + i4) << CONST_BITS;
            int e1 = (i0 - i4) << CONST_BITS;
            int t10 = e0 + e3;
            int t13 = e0 - e3;
            int t11 = e1 + e2;
            int t12 = e1 - e2;

            // Odd part: terms 7, 5, 3, 1.
            int o0 = i7;
            int o1 = i5;
            int o2 = i3;
            int o3 = i1;
            int s1 = o0 + o3;
            int s2 = o1 + o2;
            int s3 = o0 + o2;
            int s4 = o1 + o3;
            int s5 = (s3 + s4) * C_1_175875602;
            o0 *= C_0_298631336;
            o1 *= C_2_053119869;
            o2 *= C_3_072711026;
            o3 *= C_1_501321110;
            s1 *= -C_0_899976223;
            s2 *= -C_2_562915447;
            s3 = s3 * -C_1_961570560 + s5;
            s4 = s4 * -C_0_390180644 + s5;
            o0 += s1 + s3;
            o1 += s2 + s4;
            o2 += s2 + s3;
            o3 += s1 + s4;

            ws[c] = (t10 + o3 + round) >> shift;
            ws[56 + c] = (t10 - o3 + round) >> shift;
            ws[8 + c] = (t11 + o2 + round) >> shift;
            ws[48 + c] = (t11 - o2 + round) >> shift;
            ws[16 + c] = (t12 + o1 + round) >> shift;
            ws[40 + c] = (t12 - o1 + round) >> shift;
            ws[24 + c] = (t13 + o0 + round) >> shift;
            ws[32 + c] = (t13 - o0 + round) >> shift;
        }

        int shift = CONST_BITS + pass1Bits + 3;
        int round = 1 << (shift - 1);
        for (int r = 0, at = off; r < 64; r += 8, at += stride) {
            int i0 = ws[r];
            int i1 = ws[r + 1];
            int i2 = ws[r + 2];
            int i3 = ws[r + 3];
            int i4 = ws[r + 4];
            int i5 = ws[r + 5];
            int i6 = ws[r + 6];
            int i7 = ws[r + 7];
            if ((i1 | i2 | i3 | i4 | i5 | i6 | i7) == 0) {
                int dcShift = pass1Bits + 3;
                short v = (short) clamp(((i0 + (1 << (dcShift - 1))) >> dcShift) + center, max);
                for (int x = 0; x < 8; x++) {
                    out[at + x] = v;
                }
                continue;
            }
            int z1 = (i2 + i6) * C_0_541196100;
            int e2 = z1 - i6 * C_1_847759065;
            int e3 = z1 + i2 * C_0_765366865;
            int e0 = (i0 + i4) << CONST_BITS;
            int e1 = (i0 - i4) << CONST_BITS;
            int t10 = e0 + e3;
            int t13 = e0 - e3;
            int t11 = e1 + e2;
            int t12 = e1 - e2;

            int o0 = i7;
            int o1 = i5;
            int o2 = i3;
            int o3 = i1;
            int s1 = o0 + o3;
            int s2 = o1 + o2;
            int s3 = o0 + o2;
            int s4 = o1 + o3;
            int s5 = (s3 + s4) * C_1_175875602;
            o0 *= C_0_298631336;
            o1 *= C_2_053119869;
            o2 *= C_3_072711026;
            o3 *= C_1_501321110;
            s1 *= -C_0_899976223;
            s2 *= -C_2_562915447;
            s3 = s3 * -C_1_961570560 + s5;
            s4 = s4 * -C_0_390180644 + s5;
            o0 += s1 + s3;
            o1 += s2 + s4;
            o2 += s2 + s3;
            o3 += s1 + s4;

            out[at] = (short) clamp(((t10 + o3 + round) >> shift) + center, max);
            out[at + 7] = (short) clamp(((t10 - o3 + round) >> shift) + center, max);
            out[at + 1] = (short) clamp(((t11 + o2 + round) >> shift) + center, max);
            out[at + 6] = (short) clamp(((t11 - o2 + round) >> shift) + center, max);
            out[at + 2] = (short) clamp(((t12 + o1 + round) >> shift) + center, max);
            out[at + 5] = (short) clamp(((t12 - o1 + round) >> shift) + center, max);
            out[at + 3] = (short) clamp(((t13 + o0 + round) >> shift) + center, max);
            out[at + 4] = (short) clamp(((t13 - o0 + round) >> shift) + center, max);
        }
    }

    /** A block whose only non-zero coefficient is DC: every sample is the same. */
    static short flat(int dcDequantized, int precision) {
        int pass1Bits = precision <= 8 ? 2 : 1;
        int dcShift = pass1Bits + 3;
        int ws = dcDequantized << pass1Bits;
        return (short) clamp(((ws + (1 << (dcShift - 1))) >> dcShift) + (1 << (precision - 1)), (1 << precision) - 1);
    }

    private static int clamp(int v, int max) {
        return v < 0 ? 0 : Math.min(v, max);
    }
}
