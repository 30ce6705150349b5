package dev.attest.dicom.pixel;

import dev.attest.dicom.TransferSyntax;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The registry of frame codecs: the built-in native, RLE and Deflated Image Frame codecs, then
 * any {@link FrameCodec} a jar on the class path declares through {@link ServiceLoader}
 * ({@code META-INF/services/dev.attest.dicom.pixel.FrameCodec}), which is how JPEG, JPEG-LS and
 * JPEG 2000 decoders plug in.
 */
public final class FrameCodecs {
    private static final List<FrameCodec> BUILT_IN = List.of(
            new NativeFrameCodec(), new RleFrameCodec(), new DeflatedFrameCodec());

    private FrameCodecs() {
    }

    /** Every codec, built-in first, in the order they are asked. */
    public static List<FrameCodec> all() {
        return Holder.ALL;
    }

    /** The first codec that decodes {@code ts}, if any. */
    public static Optional<FrameCodec> forSyntax(TransferSyntax ts) {
        for (FrameCodec codec : all()) {
            if (codec.canDecode(ts)) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }

    public static boolean canDecode(TransferSyntax ts) {
        return forSyntax(ts).isPresent();
    }

    /** Loaded on first use; a plug-in that fails to load is logged and skipped, never fatal. */
    private static final class Holder {
        static final List<FrameCodec> ALL = load();

        private static List<FrameCodec> load() {
            List<FrameCodec> all = new ArrayList<>(BUILT_IN);
            Iterator<FrameCodec> it = ServiceLoader.load(FrameCodec.class, FrameCodecs.class.getClassLoader()).iterator();
            // ServiceLoader moves past a provider that throws; the cap only guards against one that never does.
            for (int failures = 0; failures < 100; ) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    all.add(it.next());
                } catch (ServiceConfigurationError e) {
                    failures++;
                    System.getLogger(FrameCodecs.class.getName()).log(System.Logger.Level.WARNING,
                            "a frame codec plug-in could not be loaded and is skipped", e);
                }
            }
            return List.copyOf(all);
        }
    }
}
