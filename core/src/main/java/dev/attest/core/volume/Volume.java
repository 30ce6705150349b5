package dev.attest.core.volume;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * A 3D scalar image placed in patient space, stored as one primitive array per slice.
 *
 * <p>Per-slice arrays keep memory at the raw voxel size, let volumes exceed 2^31 voxels, and let
 * slices be filled in parallel. Voxel values are stored in the volume's {@link VoxelType}; the
 * physical value is stored × slope + intercept, with a rescale that is either volume-wide or, for
 * DICOM series whose Rescale Slope changes between slices, per slice. Reading and writing voxels
 * from several threads is safe only for distinct voxels; loading lazy slices is always thread-safe.
 */
public final class Volume {

    /** The JVM cannot allocate arrays quite as long as Integer.MAX_VALUE. */
    private static final long MAX_SLICE_LENGTH = Integer.MAX_VALUE - 8;

    private final ImageGrid grid;
    private final VoxelType type;
    private final SliceCodec codec;
    private final SliceStore store;
    private final int sizeX;
    private final int sizeY;
    private final Map<String, String> properties = new ConcurrentHashMap<>();
    private volatile String name = "";
    private volatile RescaleTable rescale = RescaleTable.uniform(Rescale.IDENTITY);

    private Volume(ImageGrid grid, VoxelType type, SliceStoreFactory storeFactory) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.type = Objects.requireNonNull(type, "type");
        this.codec = SliceCodec.of(type);
        this.sizeX = grid.sizeX();
        this.sizeY = grid.sizeY();
        this.store = storeFactory.create(codec, sliceLength(grid), this);
    }

    /** Creates a volume with every voxel 0. */
    public static Volume allocate(ImageGrid grid, VoxelType type) {
        return new Volume(grid, type, (codec, length, volume) -> {
            Object[] slices = new Object[grid.sizeZ()];
            for (int z = 0; z < slices.length; z++) {
                slices[z] = codec.allocate(length);
            }
            return SliceStore.eager(codec, length, slices);
        });
    }

    /**
     * Creates a volume over existing slice arrays, without copying: one array per z, each of
     * sizeX × sizeY values of the storage type for {@code type} (see {@link #sliceArray(int)}).
     */
    public static Volume wrap(ImageGrid grid, VoxelType type, Object[] slices) {
        return new Volume(grid, type, (codec, length, volume) -> {
            if (slices.length != grid.sizeZ()) {
                throw new IllegalArgumentException("grid has " + grid.sizeZ() + " slices, got " + slices.length + " arrays");
            }
            for (int z = 0; z < slices.length; z++) {
                if (!codec.accepts(slices[z], length)) {
                    throw new IllegalArgumentException("slice " + z + " must be a " + codec.allocate(0).getClass().getSimpleName()
                            + " of length " + length + " for " + type + ", got " + describe(slices[z]));
                }
            }
            return SliceStore.eager(codec, length, slices.clone());
        });
    }

    /** Creates a volume whose slices are filled by loader when first needed, each exactly once. */
    public static Volume lazy(ImageGrid grid, VoxelType type, SliceLoader loader) {
        Objects.requireNonNull(loader, "loader");
        return new Volume(grid, type,
                (codec, length, volume) -> SliceStore.lazy(codec, length, grid.sizeZ(), loader, volume::name));
    }

    public ImageGrid grid() {
        return grid;
    }

    public VoxelType type() {
        return type;
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** Free-form metadata (source file, series UID, ...); thread-safe and mutable. */
    public Map<String, String> properties() {
        return properties;
    }

    /** Bytes the voxel values occupy once every slice is loaded. */
    public long voxelBytes() {
        return grid.voxelCount() * type.bytes();
    }

    /**
     * Returns the primitive array of slice z, loading it first for a lazy volume. The array is the
     * live storage: writing into it changes the volume. Value (x, y) is at index y × sizeX + x.
     * Storage per type: byte[] for UINT8/INT8, short[] for UINT16/INT16, int[] for INT32/UINT32,
     * float[] for FLOAT32, double[] for FLOAT64; unsigned values are kept in two's complement.
     *
     * @throws VolumeLoadException if the slice loader fails
     */
    public Object sliceArray(int z) {
        Objects.checkIndex(z, grid.sizeZ());
        return store.get(z);
    }

    /** Tells whether slice z is in memory; always true for volumes that are not lazy. */
    public boolean isLoaded(int z) {
        Objects.checkIndex(z, grid.sizeZ());
        return store.isLoaded(z);
    }

    /** Returns the stored value at (x, y, z), unsigned types read as unsigned. */
    public double getStored(int x, int y, int z) {
        return codec.get(sliceArray(z), index(x, y));
    }

    /**
     * Stores value at (x, y, z). Integer types round to the nearest integer and saturate at the
     * type's range; NaN stores 0.
     */
    public void setStored(int x, int y, int z, double value) {
        codec.set(sliceArray(z), index(x, y), value);
    }

    /** Returns the physical value at (x, y, z): stored × slope(z) + intercept(z). */
    public double getPhysical(int x, int y, int z) {
        RescaleTable r = rescale;
        return getStored(x, y, z) * r.slope(z) + r.intercept(z);
    }

    public boolean hasUniformRescale() {
        return rescale.isUniform();
    }

    /**
     * Returns the volume-wide rescale.
     *
     * @throws IllegalStateException if the rescale differs between slices
     */
    public Rescale rescale() {
        return rescale.uniformRescale();
    }

    public void setRescale(Rescale rescale) {
        this.rescale = RescaleTable.uniform(Objects.requireNonNull(rescale, "rescale"));
    }

    /** Sets one rescale per slice; arrays of length sizeZ, copied. Equal values collapse to a uniform rescale. */
    public void setSliceRescale(double[] slopes, double[] intercepts) {
        this.rescale = RescaleTable.perSlice(slopes, intercepts, grid.sizeZ());
    }

    public double slope(int z) {
        Objects.checkIndex(z, grid.sizeZ());
        return rescale.slope(z);
    }

    public double intercept(int z) {
        Objects.checkIndex(z, grid.sizeZ());
        return rescale.intercept(z);
    }

    /**
     * Returns a new FLOAT32 volume holding the physical values, with identity rescale; used where
     * a per-slice rescale cannot be carried, such as in a NIfTI file.
     */
    public Volume toFloat32Physical() {
        Volume out = allocate(grid, VoxelType.FLOAT32);
        out.setName(name);
        out.properties.putAll(properties);
        RescaleTable r = rescale;
        for (int z = 0; z < grid.sizeZ(); z++) {
            Object src = sliceArray(z);
            float[] dst = (float[]) out.sliceArray(z);
            double slope = r.slope(z);
            double intercept = r.intercept(z);
            for (int i = 0; i < dst.length; i++) {
                dst[i] = (float) (codec.get(src, i) * slope + intercept);
            }
        }
        return out;
    }

    /** Loads every missing slice using the given number of threads; returns when all are loaded. */
    public void loadAll(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        try (ExecutorService executor = Executors.newFixedThreadPool(parallelism,
                Thread.ofPlatform().name("volume-load-", 0).daemon().factory())) {
            loadAll(executor);
        }
    }

    /** Loads every missing slice on executor; returns when all are loaded. */
    public void loadAll(Executor executor) {
        loadAll(executor, ProgressListener.NONE, new Cancellation());
    }

    /**
     * Loads every missing slice on executor, reporting each loaded slice and stopping early with
     * {@link dev.attest.core.progress.CancelledException} if cancelled.
     *
     * @throws VolumeLoadException if a slice could not be loaded (after all other tasks finished)
     */
    public void loadAll(Executor executor, ProgressListener progress, Cancellation cancellation) {
        store.loadAll(executor, progress, cancellation);
    }

    private int index(int x, int y) {
        Objects.checkIndex(x, sizeX);
        Objects.checkIndex(y, sizeY);
        return y * sizeX + x;
    }

    private static int sliceLength(ImageGrid grid) {
        long length = (long) grid.sizeX() * grid.sizeY();
        if (length > MAX_SLICE_LENGTH) {
            throw new IllegalArgumentException("a slice of " + grid.sizeX() + " x " + grid.sizeY()
                    + " voxels does not fit in one Java array");
        }
        return (int) length;
    }

    private static String describe(Object array) {
        if (array == null || !array.getClass().isArray()) {
            return String.valueOf(array);
        }
        return array.getClass().getSimpleName() + " of length " + java.lang.reflect.Array.getLength(array);
    }

    @Override
    public String toString() {
        return "Volume['" + name + "' " + type + " " + grid + " rescale=" + rescale + "]";
    }

    /** Builds the slice store once the volume knows its codec, so that the lazy store can name the volume. */
    @FunctionalInterface
    private interface SliceStoreFactory {
        SliceStore create(SliceCodec codec, int sliceLength, Volume volume);
    }
}
