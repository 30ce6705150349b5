package dev.attest.dicom.codec.jpeg;

/** Marker codes of T.81 Table B.1 (the byte after 0xFF) and their names for messages. */
final class JpegMarkers {
    static final int SOF0 = 0xC0;  // baseline DCT
    static final int SOF1 = 0xC1;  // extended sequential DCT, Huffman
    static final int SOF2 = 0xC2;  // progressive DCT, Huffman
    static final int SOF3 = 0xC3;  // lossless, Huffman
    static final int DHT = 0xC4;
    static final int DAC = 0xCC;
    static final int RST0 = 0xD0;
    static final int RST7 = 0xD7;
    static final int SOI = 0xD8;
    static final int EOI = 0xD9;
    static final int SOS = 0xDA;
    static final int DQT = 0xDB;
    static final int DNL = 0xDC;
    static final int DRI = 0xDD;
    static final int DHP = 0xDE;
    static final int EXP = 0xDF;
    static final int APP0 = 0xE0;
    static final int APP14 = 0xEE;
    static final int APP15 = 0xEF;
    static final int SOF55 = 0xF7; // JPEG-LS (T.87)
    static final int LSE = 0xF8;   // JPEG-LS parameters
    static final int COM = 0xFE;
    static final int TEM = 0x01;

    private JpegMarkers() {
    }

    /** Whether a marker stands alone, without a length and segment after it. */
    static boolean standalone(int m) {
        return m == SOI || m == EOI || m == TEM || (m >= RST0 && m <= RST7);
    }

    static String name(int m) {
        String name = switch (m) {
            case SOF0 -> "SOF0";
            case SOF1 -> "SOF1";
            case SOF2 -> "SOF2";
            case SOF3 -> "SOF3";
            case DHT -> "DHT";
            case DAC -> "DAC";
            case SOI -> "SOI";
            case EOI -> "EOI";
            case SOS -> "SOS";
            case DQT -> "DQT";
            case DNL -> "DNL";
            case DRI -> "DRI";
            case DHP -> "DHP";
            case EXP -> "EXP";
            case COM -> "COM";
            case SOF55 -> "SOF55";
            case LSE -> "LSE";
            case TEM -> "TEM";
            default -> {
                if (m >= RST0 && m <= RST7) {
                    yield "RST" + (m - RST0);
                }
                if (m >= APP0 && m <= APP15) {
                    yield "APP" + (m - APP0);
                }
                if (m >= 0xC5 && m <= 0xCF && m != DAC) {
                    yield "SOF" + (m - SOF0);
                }
                yield null;
            }
        };
        String hex = String.format("FF%02X", m & 0xFF);
        return name == null ? "marker " + hex : name + " (" + hex + ")";
    }
}
