package dev.attest.dicom.deid;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomElement;
import dev.attest.dicom.DicomException;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.Vr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * De-identifies DICOM data sets with the PS3.15 Annex E Basic Application Level Confidentiality
 * Profile and the {@link DeidOption}s chosen for an export. One instance serves a whole export:
 * its {@link UidMap} makes every UID replacement consistent across files. Thread-safe.
 *
 * <pre>{@code
 * Deidentifier deid = new Deidentifier(DeidOptions.of(CLEAN_DESCRIPTORS), new UidMap(secret));
 * DeidResult r = deid.deidentify(DicomReader.read(path), DeidContext.of("CASE-0007", secret, patientId));
 * }</pre>
 */
public final class Deidentifier {
    private static final int PATIENT_IDENTITY_REMOVED = 0x00120062;
    private static final int DEIDENTIFICATION_METHOD = 0x00120063;
    private static final int DEIDENTIFICATION_METHOD_CODE_SEQUENCE = 0x00120064;
    private static final int LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED = 0x00280303;
    private static final int CODE_VALUE = 0x00080100;
    private static final int CODING_SCHEME_DESIGNATOR = 0x00080102;
    private static final int CODE_MEANING = 0x00080104;
    /** CID 7050 codes not tied to a table column. */
    static final String BASIC_PROFILE_CODE = "113100";
    static final String BASIC_PROFILE_MEANING = "Basic Application Confidentiality Profile";
    static final String CLEAN_PIXEL_DATA_CODE = "113101";
    static final String CLEAN_PIXEL_DATA_MEANING = "Clean Pixel Data Option";

    private final ConfidentialityProfile profile;
    private final DeidOptions options;
    private final UidMap uids;

    public Deidentifier(DeidOptions options, UidMap uids) {
        this(ConfidentialityProfile.standard(), options, uids);
    }

    public Deidentifier(ConfidentialityProfile profile, DeidOptions options, UidMap uids) {
        this.profile = profile;
        this.options = options;
        this.uids = uids;
    }

    public DeidOptions options() {
        return options;
    }

    public UidMap uidMap() {
        return uids;
    }

    /**
     * De-identifies a data set built in memory (no file behind it): its pixel data, if any, must be
     * native, and {@code source} names it in errors and the log.
     */
    public DeidResult deidentify(String source, DicomDataset dataset, DeidContext context) throws DicomException {
        boolean encapsulated = dataset.elements().stream().anyMatch(e -> e instanceof DicomElement.Encapsulated);
        if (encapsulated) {
            throw new DicomException(source, "an in-memory data set with compressed pixel data needs its transfer syntax;"
                    + " de-identify the DicomFile instead");
        }
        return deidentify(new DicomFile(source, true, new DicomDataset(), dataset, TransferSyntax.EXPLICIT_VR_LE, List.of(), null),
                context);
    }

    /**
     * De-identifies one file. Returns the clean data set, or {@link DeidResult.Excluded} when the
     * file flags burned-in annotation and the context says to exclude it.
     *
     * @throws BurnedInAnnotationException when the file flags burned-in annotation and the context
     *                                     neither excludes nor cleans it
     * @throws PixelCleaningException      when burned-in pixels were to be cleaned and cannot be
     */
    public DeidResult deidentify(DicomFile file, DeidContext context) throws DicomException {
        DicomDataset original = file.dataset();
        DeidFileLog log = new DeidFileLog(file.source());
        String sopClass = file.sopClassUid();
        PixelCleaner.Cleaned cleanedPixels = null;
        if (BurnedInRisk.flagged(original)) {
            switch (context.burnedIn()) {
                case BurnedInDecision.Refuse r -> throw new BurnedInAnnotationException(file.source());
                case BurnedInDecision.Exclude x -> {
                    log.warn("excluded: Burned In Annotation (0028,0301) is YES");
                    return new DeidResult.Excluded("burned-in annotation", log);
                }
                case BurnedInDecision.Clean c -> {
                    cleanedPixels = PixelCleaner.clean(file, c.rectangles());
                    log.pixelsCleaned(c.rectangles().size());
                }
            }
        } else {
            BurnedInRisk.absentFlagWarning(original, sopClass).ifPresent(log::warn);
        }

        KnownIdentifiers known = KnownIdentifiers.collect(original).plus(context.extraIdentifiers());
        if (options.has(DeidOption.RETAIN_INSTITUTION_IDENTITY)) {
            known = known.withoutOrganizations();
        }
        DatasetCleaner cleaner = new DatasetCleaner(profile, options, uids, context, new FreeTextScrubber(known), log);
        DicomDataset out = cleaner.clean(original);

        TransferSyntax ts = file.transferSyntax();
        if (cleanedPixels != null) {
            ts = applyCleanedPixels(out, cleanedPixels, file, log);
        }
        fillIdentityFromMeta(out, file, sopClass, log);
        markDeidentified(out, cleanedPixels != null);
        log.sopInstanceUid(out.getString(Tag.SOPInstanceUID, ""));
        return new DeidResult.Deidentified(out, ts, log);
    }

    private static TransferSyntax applyCleanedPixels(DicomDataset out, PixelCleaner.Cleaned c, DicomFile file, DeidFileLog log) {
        out.put(c.pixelData());
        out.setString(Tag.BurnedInAnnotation, Vr.CS, "NO");
        if (c.decompressed()) {
            out.remove(Tag.ExtendedOffsetTable);
            out.remove(Tag.ExtendedOffsetTableLengths);
            if (c.photometric() != null) {
                out.setString(Tag.PhotometricInterpretation, Vr.CS, c.photometric());
            }
            if (out.getInt(Tag.SamplesPerPixel, 1) > 1) {
                out.setInts(Tag.PlanarConfiguration, Vr.US, 0);
            }
            if (file.transferSyntax().lossy() && !out.contains(Tag.LossyImageCompression)) {
                out.setString(Tag.LossyImageCompression, Vr.CS, "01"); // the pixels were lossy before they were cleaned
            }
            log.warn("pixels decoded from " + file.transferSyntax().name() + " to clean them; written uncompressed");
        }
        return c.transferSyntax();
    }

    /**
     * Some files leave SOP Class or Instance UID empty in the data set and state them only in the
     * file meta, which the writer regenerates from the data set: carry them over (the instance UID
     * replaced) so the output stays a valid instance.
     */
    private void fillIdentityFromMeta(DicomDataset out, DicomFile file, String sopClass, DeidFileLog log) {
        if (out.getString(Tag.SOPClassUID, "").isEmpty() && !sopClass.isEmpty()) {
            out.setString(Tag.SOPClassUID, Vr.UI, sopClass);
            log.warn("SOP Class UID (0008,0016) was empty; taken from the file meta");
        }
        if (out.getString(Tag.SOPInstanceUID, "").isEmpty() && !file.sopInstanceUid().isEmpty()) {
            out.setString(Tag.SOPInstanceUID, Vr.UI, uids.remap(file.sopInstanceUid()));
            log.record(Tag.toString(Tag.SOPInstanceUID), Tag.SOPInstanceUID, Action.U,
                    "SOP Instance UID taken from the file meta and replaced");
        }
    }

    /** Patient Identity Removed, the method in words and in codes (PS3.15 E.1.1), and what happened to dates. */
    private void markDeidentified(DicomDataset out, boolean pixelsCleaned) {
        out.setString(PATIENT_IDENTITY_REMOVED, Vr.CS, "YES");
        List<String[]> methods = new ArrayList<>();
        methods.add(new String[] {BASIC_PROFILE_CODE, BASIC_PROFILE_MEANING});
        for (DeidOption o : options.options()) {
            methods.add(new String[] {o.code(), o.meaning()});
        }
        if (pixelsCleaned) {
            methods.add(new String[] {CLEAN_PIXEL_DATA_CODE, CLEAN_PIXEL_DATA_MEANING});
        }
        List<String> words = new ArrayList<>();
        List<DicomDataset> codes = new ArrayList<>();
        for (String[] m : methods) {
            words.add(m[1].length() > 64 ? m[1].substring(0, 64) : m[1]);
            DicomDataset item = new DicomDataset(out.bigEndian());
            item.put(new DicomElement.Value(CODE_VALUE, Vr.SH, m[0].getBytes(StandardCharsets.US_ASCII)));
            item.put(new DicomElement.Value(CODING_SCHEME_DESIGNATOR, Vr.SH, "DCM".getBytes(StandardCharsets.US_ASCII)));
            item.put(new DicomElement.Value(CODE_MEANING, Vr.LO, m[1].getBytes(StandardCharsets.US_ASCII)));
            codes.add(item);
        }
        words.set(0, "Attest: " + words.get(0));
        out.setString(DEIDENTIFICATION_METHOD, Vr.LO, words.toArray(String[]::new));
        out.setSequence(DEIDENTIFICATION_METHOD_CODE_SEQUENCE, codes);
        out.setString(LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED, Vr.CS,
                options.has(DeidOption.RETAIN_LONGITUDINAL_MODIFIED_DATES) ? "MODIFIED" : "REMOVED");
    }
}
