#!/usr/bin/env bash
# Regenerates dicom/src/test/resources/reference/dcm2niix/*.json: small JSON
# fixtures describing what dcm2niix writes for each DICOM series of the shared
# test data (dims, datatype, scaling, sform/qform, sha256 of the raw voxels,
# min/max/sum, sample voxels, warnings). The NIfTI files themselves are written
# to a temp dir and deleted; nothing from the data set is copied into the repo.
#
# Needs: dcm2niix (Debian build), /usr/bin/python3 with nibabel, numpy, pydicom.
# Usage:  tools/reference/make_dcm2niix_refs.sh [DATA_ROOT]
#         (DATA_ROOT defaults to /work/shared/data; the repo's ../shared/data
#          is used if that does not exist)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
DATA="${1:-/work/shared/data}"
[ -d "$DATA" ] || DATA="$(cd "$REPO/../shared/data" && pwd)"
OUT="$REPO/dicom/src/test/resources/reference/dcm2niix"
PY=/usr/bin/python3
HELPER="$HERE/nifti_ref.py"
DCM2NIIX="${DCM2NIIX:-dcm2niix}"

BANNER="$("$DCM2NIIX" --version 2>&1 | grep -m1 "dcm2niiX version" || true)"
echo "dcm2niix: $BANNER"
echo "data:     $DATA"
echo "out:      $OUT"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# dcm2niix reads defaults from $HOME/.dcm2nii.ini: use an empty HOME so that a
# developer's ini file cannot change the result.
export HOME="$WORK/home"
mkdir -p "$HOME" "$OUT"
rm -f "$OUT"/*.json

# The exact options. -m (merge) and -p (Philips precise scaling) are left at
# their defaults (-m 2 auto, -p y); -m n / -m y / -m 2 were checked to give
# byte-identical output for the tilted CT series. dcm2niix v1.0.20220720 has no
# command-line switch for gantry-tilt correction: it is always on, and for a
# tilted CT one run writes BOTH the uncorrected stack (<name>.nii) and the
# resampled, tilt-corrected volume (<name>_Tilt_1.nii).
OPTS=(-z n -b y -f %s_%p)

# run_one <json-base-name> <input dir> <source rel to DATA> <crosscheck rel|""> <note>
#         [extra dcm2niix option ...]
# Extra helper arguments (e.g. --upstream) can be passed in the HELPER_EXTRA array.
HELPER_EXTRA=()
LAST_RC=0
run_one() {
  local name="$1" indir="$2" src="$3" xsrc="$4" note="$5"
  shift 5
  local extra=("$@")
  local tmp="$WORK/out_$name"
  rm -rf "$tmp"; mkdir -p "$tmp"
  local rc=0
  "$DCM2NIIX" "${extra[@]}" "${OPTS[@]}" -o "$tmp" "$indir" >"$WORK/$name.log" 2>&1 || rc=$?
  local shown_in="\$DATA/$src"
  [ "$indir" = "$DATA/$src" ] || shown_in="\$PREDECOMPRESSED/$(basename "$src")"
  local shown_opts="${extra[*]:+${extra[*]} }${OPTS[*]}"
  LAST_RC=$rc
  echo "== $name (rc=$rc): $(ls "$tmp" | tr '\n' ' ')"
  "$PY" "$HELPER" dcm2niix --tmp "$tmp" --log "$WORK/$name.log" --rc "$rc" \
      --src "$src" --data "$DATA" --name "$name" --out "$OUT" \
      --version "$BANNER" \
      --cmd "dcm2niix $shown_opts -o \$TMP $shown_in" \
      --note "$note" --crosscheck-src "$xsrc" ${HELPER_EXTRA[@]+"${HELPER_EXTRA[@]}"}
}

X_I_NOTE="variant with -x i: dcm2niix by default (-x n) re-orients 3D acquisitions (MRAcquisitionType 3D) to the closest-to-RAS voxel order (flips/permutes, no resampling); -x i keeps the raw slice stack like the 2D series"

for d in "$DATA"/series-ct/*/ "$DATA"/series-mr/*/; do
  d="${d%/}"; n="$(basename "$d")"; rel="${d#"$DATA"/}"
  run_one "$n" "$d" "$rel" "$rel" ""
  case "$rel" in
    series-mr/*) [ "$LAST_RC" -ne 0 ] || run_one "${n}__x_i" "$d" "$rel" "$rel" "$X_I_NOTE" -x i ;;
  esac
done

# Multi-frame / multi-volume and 12-bit items from dicom-codecs.
run_one dcm_qa_enh_siemens_xa10 "$DATA/dicom-codecs/dcm_qa_enh_siemens_xa10" \
  dicom-codecs/dcm_qa_enh_siemens_xa10 "" \
  "4 Enhanced MR files (6 frames each) = 4 volumes of one series"
# dcm_qa_12bit also holds the upstream Ref NIfTI/JSON/README; dcm2niix skips
# those ("Found 2 DICOM file(s)"), so the folder is converted as it is.
HELPER_EXTRA=(--upstream "2_FMRI_AX_ASC=dicom-codecs/dcm_qa_12bit/2.nii"
              --upstream "4_FMRI_AX_ASC=dicom-codecs/dcm_qa_12bit/4.nii")
run_one dcm_qa_12bit "$DATA/dicom-codecs/dcm_qa_12bit" dicom-codecs/dcm_qa_12bit "" \
  "12bitUnsigned.dcm = series 2, 12bitSigned_0x0F0F.dcm = series 4; Siemens mosaic 384x384 = 6x6 tiles of 64x64, 35 slices"
HELPER_EXTRA=()

# The fragmented JPEG 2000 series: dcm2niix 1.0.20220720 refuses it (see
# <name>.json). For a geometry/voxel reference anyway, decompress it with
# pydicom (Pillow/OpenJPEG, lossless) into a temp dir and convert that.
FRAG=series-mr/dcm_qa_frag_6001_j2k_fragmented
if [ -d "$DATA/$FRAG" ]; then
  FN="$(basename "$FRAG")"
  "$PY" "$HELPER" predecompress "$DATA/$FRAG" "$WORK/predecompressed/$FN"
  PRE_NOTE="input first decompressed with pydicom (Pillow/OpenJPEG) to Explicit VR Little Endian because dcm2niix rejects multi-fragment J2K frames; voxels therefore come from pydicom's decoder, geometry from dcm2niix"
  run_one "${FN}__predecompressed" "$WORK/predecompressed/$FN" "$FRAG" "$FRAG" "$PRE_NOTE"
  run_one "${FN}__predecompressed__x_i" "$WORK/predecompressed/$FN" "$FRAG" "$FRAG" \
    "$PRE_NOTE; $X_I_NOTE" -x i
fi

# Reference label map aligned with the TotalSegmentator CT series.
"$PY" "$HELPER" nifti --in "$DATA/nifti/totalsegmentator_example_seg_dicom.nii.gz" \
  --src nifti/totalsegmentator_example_seg_dicom.nii.gz --labels \
  --note "TotalSegmentator label map for series-ct/totalsegmentator_example_ct_dicom (not written by dcm2niix)" \
  --out "$OUT/totalsegmentator_label_grid.json"

echo "done: $(ls "$OUT" | wc -l) files in $OUT"
