#!/usr/bin/python3
"""Writes the built-in anatomy vocabularies of the reports module (JSON resources).

The label names come from where the models publish them, read here so that no name is typed by hand:
  - TotalSegmentator v2 (117 classes): the Caret XML label table in the NIfTI extension of
    DATA_ROOT/nifti/totalsegmentator_example_seg.nii.gz (read with nibabel);
  - FreeSurfer labels of the brainchop models: DATA_ROOT/models/brainchop/*/colormap*.json ("labels",
    index 0 is the background);
  - the Attest CT phantom / demo-ct-seg model: the "labels" of
    inference/src/main/resources/dev/attest/models/demo-ct-seg/manifest.json (the same names as
    core's CtPhantom.STRUCTURES, which a Java test checks).
The synonyms, groups, sides and display names are the rules and tables below. The output is
deterministic; edit this script, not the JSON, and regenerate from the repository root with

    /usr/bin/python3 tools/vocabulary/make_vocabularies.py [DATA_ROOT]

(DATA_ROOT defaults to /work/shared/data, else ../shared/data). Format: docs/reports.md.
"""
import json
import os
import re
import sys

import nibabel as nib

OUT = "reports/src/main/resources/dev/attest/reports/lexicon"
FORMAT = "attest-vocabulary/1"
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth"]
SIDE_WORDS = {"left": "left", "right": "right", "lh": "left", "rh": "right"}
STOPWORDS = {"the", "of", "a", "an"}


def nth(n):
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def tokens(name):
    """Lower-case word tokens of a label name, as the Java TextNormaliser makes them (minus stopwords)."""
    return [t for t in re.split(r"[^a-z0-9]+", name.lower().replace("*", "")) if t and t not in STOPWORDS]


def side_and_rest(name):
    side = None
    rest = []
    for t in tokens(name):
        if t in SIDE_WORDS:
            side = SIDE_WORDS[t]
        else:
            rest.append(t)
    return side, " ".join(rest)


class Builder:
    def __init__(self, vid, title, source):
        self.vid, self.title, self.source = vid, title, source
        self.concepts = {}
        self.structures = []
        self.midline = []
        self.abbreviations = {}

    def concept(self, cid, terms, display, kind="anatomy", includes=(), site=None):
        assert cid not in self.concepts, cid
        c = {"id": cid, "kind": kind, "display": display, "terms": list(dict.fromkeys(terms))}
        if includes:
            c["includes"] = list(includes)
        if site:
            c["site"] = site
        self.concepts[cid] = c
        return c

    def structure(self, label, cid, display=None):
        side, raw = side_and_rest(label)
        concept = self.concepts[cid]
        # The label's own words (side removed) are a term too, so that the raw name in a
        # sentence ("kidney_left", "ctx-lh-insula") reads back to its structure.
        taken = any(raw in c["terms"] for c in self.concepts.values())
        if raw and not taken:
            concept["terms"].append(raw)
        if display is None:
            display = concept["display"] if side is None else f"{side} {concept['display']}"
        s = {"label": label, "concept": cid, "display": display}
        if side:
            s["side"] = side
        self.structures.append(s)

    def write(self, path):
        doc = {"format": FORMAT, "id": self.vid, "title": self.title, "source": self.source,
               "midline": self.midline, "abbreviations": self.abbreviations,
               "concepts": list(self.concepts.values()), "structures": self.structures}
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=1, ensure_ascii=False)
            f.write("\n")
        print(f"wrote {path}: {len(self.concepts)} concepts, {len(self.structures)} structures")


# ---------------------------------------------------------------- TotalSegmentator v2

TS_CONCEPTS = [
    # id, terms, display
    ("spleen", ["spleen", "splenic"], "spleen"),
    ("kidney", ["kidney", "kidneys", "renal"], "kidney"),
    ("gallbladder", ["gallbladder", "gall bladder"], "gallbladder"),
    ("liver", ["liver", "hepatic"], "liver"),
    ("stomach", ["stomach", "gastric"], "stomach"),
    ("pancreas", ["pancreas", "pancreatic"], "pancreas"),
    ("adrenal_gland", ["adrenal gland", "adrenal glands", "adrenal", "adrenals", "suprarenal gland"], "adrenal gland"),
    ("upper_lobe", ["upper lobe", "upper lung lobe", "superior lobe"], "upper lobe"),
    ("middle_lobe", ["middle lobe", "middle lung lobe"], "middle lobe"),
    ("lower_lobe", ["lower lobe", "lower lung lobe", "inferior lobe"], "lower lobe"),
    ("esophagus", ["esophagus", "oesophagus", "esophageal", "oesophageal"], "esophagus"),
    ("trachea", ["trachea", "tracheal"], "trachea"),
    ("thyroid_gland", ["thyroid gland", "thyroid"], "thyroid gland"),
    ("small_bowel", ["small bowel", "small intestine"], "small bowel"),
    ("duodenum", ["duodenum", "duodenal"], "duodenum"),
    ("colon", ["colon", "colonic", "large bowel", "large intestine"], "colon"),
    ("urinary_bladder", ["urinary bladder", "bladder"], "urinary bladder"),
    ("prostate", ["prostate", "prostate gland"], "prostate"),
    ("sacrum", ["sacrum", "sacral bone"], "sacrum"),
    ("heart", ["heart", "cardiac"], "heart"),
    ("aorta", ["aorta", "aortic"], "aorta"),
    ("pulmonary_vein", ["pulmonary vein", "pulmonary veins"], "pulmonary vein"),
    ("brachiocephalic_trunk", ["brachiocephalic trunk", "brachiocephalic artery", "innominate artery"],
     "brachiocephalic trunk"),
    ("subclavian_artery", ["subclavian artery"], "subclavian artery"),
    ("common_carotid_artery", ["common carotid artery", "carotid artery", "carotid"], "common carotid artery"),
    ("brachiocephalic_vein", ["brachiocephalic vein", "innominate vein"], "brachiocephalic vein"),
    ("atrial_appendage", ["atrial appendage"], "atrial appendage"),
    ("superior_vena_cava", ["superior vena cava", "svc"], "superior vena cava"),
    ("inferior_vena_cava", ["inferior vena cava", "ivc"], "inferior vena cava"),
    ("portal_and_splenic_vein", ["portal and splenic vein", "portal and splenic veins", "portal vein", "splenic vein",
                                 "portal venous system"], "portal and splenic vein"),
    ("iliac_artery", ["iliac artery", "common iliac artery"], "iliac artery"),
    ("iliac_vein", ["iliac vein", "common iliac vein"], "iliac vein"),
    ("humerus", ["humerus", "humeral"], "humerus"),
    ("scapula", ["scapula", "shoulder blade"], "scapula"),
    ("clavicle", ["clavicle", "clavicula", "collarbone"], "clavicle"),
    ("femur", ["femur", "femoral bone"], "femur"),
    ("hip", ["hip bone", "hip", "os coxae", "innominate bone", "pelvic bone"], "hip bone"),
    ("spinal_cord", ["spinal cord"], "spinal cord"),
    ("gluteus_maximus", ["gluteus maximus", "gluteus maximus muscle"], "gluteus maximus"),
    ("gluteus_medius", ["gluteus medius", "gluteus medius muscle"], "gluteus medius"),
    ("gluteus_minimus", ["gluteus minimus", "gluteus minimus muscle"], "gluteus minimus"),
    ("autochthon", ["autochthonous muscle", "autochthonous back muscle", "autochthon", "erector spinae",
                    "paraspinal muscle", "paraspinal muscles"], "autochthonous muscle"),
    ("iliopsoas", ["iliopsoas muscle", "iliopsoas", "psoas", "psoas muscle"], "iliopsoas muscle"),
    ("brain", ["brain"], "brain"),
    ("skull", ["skull", "cranium", "calvarium"], "skull"),
    ("sternum", ["sternum", "sternal"], "sternum"),
    ("costal_cartilages", ["costal cartilages", "costal cartilage"], "costal cartilages"),
]

# TotalSegmentator name (side removed) -> concept id, where the words differ.
TS_NAME_TO_CONCEPT = {
    "lung upper lobe": "upper_lobe", "lung middle lobe": "middle_lobe", "lung lower lobe": "lower_lobe",
    "portal vein and splenic vein": "portal_and_splenic_vein", "iliac vena": "iliac_vein",
    "clavicula": "clavicle", "kidney cyst": "kidney_cyst",
}
SPINE_REGIONS = {"C": ("cervical", 7), "T": ("thoracic", 12), "L": ("lumbar", 5), "S": ("sacral", 1)}


def vertebra_terms(level):
    region, n = level[0], int(level[1:])
    word = SPINE_REGIONS[region][0]
    lo = level.lower()
    terms = [lo, f"{lo} vertebra", f"{lo} vertebral body", f"vertebra {lo}",
             f"{ORDINALS[n - 1]} {word} vertebra", f"{nth(n)} {word} vertebra", f"{word} vertebra {n}"]
    if level == "C1":
        terms.append("atlas")
    return terms


def totalsegmentator(data):
    img = nib.load(os.path.join(data, "nifti", "totalsegmentator_example_seg.nii.gz"))
    xml = img.header.extensions[0].get_content().decode("utf-8")
    names = [n for _, n in sorted((int(k), n) for k, n in re.findall(r'Key="(\d+)".*?CDATA\[([^\]]*)\]', xml))]
    assert len(names) == 117, len(names)
    b = Builder("totalsegmentator-v2", "TotalSegmentator v2 body structures (117 classes)",
                "label table of TotalSegmentator's tests/reference_files/example_seg.nii.gz (Caret XML NIfTI extension)")
    for cid, terms, display in TS_CONCEPTS:
        b.concept(cid, terms, display)
    b.concept("lung", ["lung", "lungs", "pulmonary", "lung lobe", "lung lobes"], "lung",
              includes=["upper_lobe", "middle_lobe", "lower_lobe"])
    b.concept("kidney_cyst", ["kidney cyst", "kidney cysts", "renal cyst", "renal cysts"], "kidney cyst",
              kind="lesion", site="kidney")
    levels = []
    for region, (word, count) in SPINE_REGIONS.items():
        group = []
        for n in range(1, count + 1):
            level = f"{region}{n}"
            b.concept(f"vertebra_{level}", vertebra_terms(level), f"{level} vertebra")
            group.append(f"vertebra_{level}")
        levels += group
        if region != "S":
            b.concept(f"{word}_spine", [f"{word} spine", f"{word} vertebrae"], f"{word} spine", includes=group)
    b.concept("spine", ["spine", "vertebral column", "spinal column", "vertebrae", "vertebra", "vertebral body",
                        "vertebral bodies"], "spine",
              includes=["cervical_spine", "thoracic_spine", "lumbar_spine", "vertebra_S1"])
    ribs = []
    for n in range(1, 13):
        b.concept(f"rib_{n}", [f"{nth(n)} rib", f"{ORDINALS[n - 1]} rib", f"rib {n}"], f"{nth(n)} rib")
        ribs.append(f"rib_{n}")
    b.concept("rib", ["rib", "ribs"], "rib", includes=ribs)
    for name in names:
        side, rest = side_and_rest(name)
        m = re.fullmatch(r"vertebrae ([ctls]\d+)", rest)
        r = re.fullmatch(r"rib (\d+)", rest)
        if m:
            cid = f"vertebra_{m.group(1).upper()}"
        elif r:
            cid = f"rib_{r.group(1)}"
        else:
            cid = TS_NAME_TO_CONCEPT.get(rest, rest.replace(" ", "_"))
        b.structure(name, cid)
    b.midline = ["spine", "spinal_cord", "sacrum"]
    # Lobe abbreviations carry their side, so they expand to words before the side is read.
    b.abbreviations = {"rul": "right upper lobe", "rml": "right middle lobe", "rll": "right lower lobe",
                       "lul": "left upper lobe", "lll": "left lower lobe"}
    return b


# ---------------------------------------------------------------- FreeSurfer (brainchop models)

DK_REGIONS = {
    # FreeSurfer Desikan-Killiany name -> (display, extra terms)
    "bankssts": ("banks of the superior temporal sulcus", ["banks superior temporal sulcus"]),
    "caudalanteriorcingulate": ("caudal anterior cingulate cortex", ["caudal anterior cingulate"]),
    "caudalmiddlefrontal": ("caudal middle frontal gyrus", ["caudal middle frontal"]),
    "cuneus": ("cuneus", []),
    "entorhinal": ("entorhinal cortex", ["entorhinal"]),
    "fusiform": ("fusiform gyrus", ["fusiform"]),
    "inferiorparietal": ("inferior parietal lobule", ["inferior parietal", "inferior parietal cortex"]),
    "inferiortemporal": ("inferior temporal gyrus", ["inferior temporal"]),
    "isthmuscingulate": ("isthmus of the cingulate gyrus", ["isthmus cingulate"]),
    "lateraloccipital": ("lateral occipital cortex", ["lateral occipital"]),
    "lateralorbitofrontal": ("lateral orbitofrontal cortex", ["lateral orbitofrontal"]),
    "lingual": ("lingual gyrus", ["lingual"]),
    "medialorbitofrontal": ("medial orbitofrontal cortex", ["medial orbitofrontal"]),
    "middletemporal": ("middle temporal gyrus", ["middle temporal"]),
    "parahippocampal": ("parahippocampal gyrus", ["parahippocampal"]),
    "paracentral": ("paracentral lobule", ["paracentral"]),
    "parsopercularis": ("pars opercularis", []),
    "parsorbitalis": ("pars orbitalis", []),
    "parstriangularis": ("pars triangularis", []),
    "pericalcarine": ("pericalcarine cortex", ["pericalcarine"]),
    "postcentral": ("postcentral gyrus", ["postcentral"]),
    "posteriorcingulate": ("posterior cingulate cortex", ["posterior cingulate"]),
    "precentral": ("precentral gyrus", ["precentral"]),
    "precuneus": ("precuneus", []),
    "rostralanteriorcingulate": ("rostral anterior cingulate cortex", ["rostral anterior cingulate"]),
    "rostralmiddlefrontal": ("rostral middle frontal gyrus", ["rostral middle frontal"]),
    "superiorfrontal": ("superior frontal gyrus", ["superior frontal"]),
    "superiorparietal": ("superior parietal lobule", ["superior parietal"]),
    "superiortemporal": ("superior temporal gyrus", ["superior temporal"]),
    "supramarginal": ("supramarginal gyrus", ["supramarginal"]),
    "frontalpole": ("frontal pole", []),
    "temporalpole": ("temporal pole", []),
    "transversetemporal": ("transverse temporal gyrus", ["transverse temporal", "heschl gyrus"]),
    "insula": ("insula", ["insular cortex"]),
}

FS_CONCEPTS = [
    ("cerebral_white_matter", ["cerebral white matter"], "cerebral white matter", []),
    ("cerebellar_white_matter", ["cerebellar white matter"], "cerebellar white matter", []),
    ("white_matter", ["white matter", "wm"], "white matter", ["cerebral_white_matter", "cerebellar_white_matter"]),
    ("cerebral_cortex", ["cerebral cortex", "cortex", "cortical grey matter", "cortical gray matter"],
     "cerebral cortex", ["dk_" + r for r in DK_REGIONS]),
    ("cerebellar_cortex", ["cerebellar cortex"], "cerebellar cortex", []),
    ("grey_matter", ["grey matter", "gray matter", "gm"], "grey matter", ["cerebral_cortex", "cerebellar_cortex"]),
    ("cerebellum", ["cerebellum", "cerebellar"], "cerebellum", ["cerebellar_white_matter", "cerebellar_cortex"]),
    ("lateral_ventricle", ["lateral ventricle", "lateral ventricles"], "lateral ventricle", []),
    ("inferior_lateral_ventricle", ["inferior lateral ventricle", "inferior horn lateral ventricle", "temporal horn"],
     "inferior lateral ventricle", []),
    ("third_ventricle", ["third ventricle", "3rd ventricle"], "third ventricle", []),
    ("fourth_ventricle", ["fourth ventricle", "4th ventricle"], "fourth ventricle", []),
    ("ventricles", ["ventricles", "ventricle", "ventricular system"], "ventricles",
     ["lateral_ventricle", "inferior_lateral_ventricle", "third_ventricle", "fourth_ventricle"]),
    ("thalamus", ["thalamus", "thalami"], "thalamus", []),
    ("caudate", ["caudate", "caudate nucleus"], "caudate", []),
    ("putamen", ["putamen"], "putamen", []),
    ("pallidum", ["pallidum", "globus pallidus"], "pallidum", []),
    ("hippocampus", ["hippocampus", "hippocampi", "hippocampal"], "hippocampus", []),
    ("amygdala", ["amygdala", "amygdalae"], "amygdala", []),
    ("accumbens", ["nucleus accumbens", "accumbens"], "nucleus accumbens", []),
    ("ventral_diencephalon", ["ventral diencephalon", "ventral dc"], "ventral diencephalon", []),
    ("brain_stem", ["brain stem", "brainstem"], "brain stem", []),
    ("csf", ["cerebrospinal fluid", "csf"], "cerebrospinal fluid", []),
    ("cc_posterior", ["posterior corpus callosum", "splenium"], "posterior corpus callosum", []),
    ("cc_mid_posterior", ["mid posterior corpus callosum"], "mid-posterior corpus callosum", []),
    ("cc_central", ["central corpus callosum", "body corpus callosum"], "central corpus callosum", []),
    ("cc_mid_anterior", ["mid anterior corpus callosum"], "mid-anterior corpus callosum", []),
    ("cc_anterior", ["anterior corpus callosum", "genu"], "anterior corpus callosum", []),
    ("corpus_callosum", ["corpus callosum", "callosal"], "corpus callosum",
     ["cc_posterior", "cc_mid_posterior", "cc_central", "cc_mid_anterior", "cc_anterior"]),
]

FS_NAME_TO_CONCEPT = {
    "cerebral white matter": "cerebral_white_matter", "cerebral cortex": "cerebral_cortex",
    "lateral ventricle": "lateral_ventricle", "inferior lateral ventricle": "inferior_lateral_ventricle",
    "inf lat vent": "inferior_lateral_ventricle", "cerebellum white matter": "cerebellar_white_matter",
    "cerebellum cortex": "cerebellar_cortex", "thalamus": "thalamus", "thalamus proper": "thalamus",
    "caudate": "caudate", "putamen": "putamen", "pallidum": "pallidum", "3rd ventricle": "third_ventricle",
    "4th ventricle": "fourth_ventricle", "brain stem": "brain_stem", "hippocampus": "hippocampus",
    "amygdala": "amygdala", "accumbens area": "accumbens", "ventraldc": "ventral_diencephalon", "csf": "csf",
    # model30chan50cls labels "Cerebellum" beside "Cerebellum-White-Matter": there it is the cerebellar cortex.
    "ventricle": "ventricles", "cerebellum": "cerebellar_cortex", "corpus callosum": "corpus_callosum",
    "cc posterior": "cc_posterior", "cc mid posterior": "cc_mid_posterior", "cc central": "cc_central",
    "cc mid anterior": "cc_mid_anterior", "cc anterior": "cc_anterior", "white matter": "white_matter",
    "grey matter": "grey_matter", "brain": "brain", "brain mask": "brain",
}
BACKGROUND = {"background", "bg", "unknown"}


def freesurfer(data):
    root = os.path.join(data, "models", "brainchop")
    names = []
    for model in sorted(os.listdir(root)):
        for f in sorted(os.listdir(os.path.join(root, model))):
            if f.startswith("colormap") and f.endswith(".json"):
                with open(os.path.join(root, model, f), encoding="utf-8") as fh:
                    for n in json.load(fh)["labels"][1:]:
                        if n not in names and n.lower() not in BACKGROUND:
                            names.append(n)
    b = Builder("freesurfer-brainchop", "FreeSurfer structures of the brainchop MeshNet models",
                "labels of models/brainchop/*/colormap*.json (neuroneural/brainchop, MIT)")
    for cid, terms, display, includes in FS_CONCEPTS:
        b.concept(cid, terms, display, includes=includes)
    for region, (display, extra) in DK_REGIONS.items():
        b.concept("dk_" + region, [display, region] + extra, display)
    b.concept("brain", ["brain", "cerebrum", "brain parenchyma"], "brain",
              includes=["white_matter", "grey_matter", "cerebellum", "ventricles", "thalamus", "caudate", "putamen",
                        "pallidum", "hippocampus", "amygdala", "accumbens", "ventral_diencephalon", "brain_stem",
                        "csf", "corpus_callosum"])
    for name in names:
        side, rest = side_and_rest(name)
        if rest.startswith("ctx "):
            cid = "dk_" + rest[4:]
        else:
            cid = FS_NAME_TO_CONCEPT[rest]
        b.structure(name, cid)
    b.midline = ["brain_stem", "third_ventricle", "fourth_ventricle", "corpus_callosum"]
    return b


# ---------------------------------------------------------------- Attest CT phantom / demo-ct-seg

DEMO_CONCEPTS = {
    "body": (["body", "patient body"], "body", "body", None),
    "lung": (["lung", "lungs", "pulmonary"], "lung", "anatomy", None),
    "liver": (["liver", "hepatic"], "liver", "anatomy", None),
    "kidney": (["kidney", "kidneys", "renal"], "kidney", "anatomy", None),
    "vertebral_column": (["vertebral column", "spine", "spinal column", "vertebrae", "vertebra"], "vertebral column",
                         "anatomy", None),
    "aorta": (["aorta", "aortic"], "aorta", "anatomy", None),
    "liver_lesion": (["liver lesion", "liver lesions", "hepatic lesion", "liver mass", "hepatic mass", "liver tumour",
                      "liver tumor"], "liver lesion", "lesion", "liver"),
    "lung_nodule": (["lung nodule", "lung nodules", "pulmonary nodule", "pulmonary nodules", "nodule", "nodules"],
                    "lung nodule", "lesion", "lung"),
    "kidney_cyst": (["kidney cyst", "kidney cysts", "renal cyst", "renal cysts"], "kidney cyst", "lesion", "kidney"),
    "spleen": (["spleen", "splenic"], "spleen", "anatomy", None),
    "inferior_vena_cava": (["inferior vena cava", "ivc"], "inferior vena cava", "anatomy", None),
}
DEMO_NAME_TO_CONCEPT = {"lung": "lung", "kidney": "kidney"}


def demo(manifest):
    with open(manifest, encoding="utf-8") as fh:
        labels = [l["name"] for l in json.load(fh)["outputs"][0]["labels"] if l["value"] > 0]
    b = Builder("attest-demo-ct", "Attest CT phantom and the built-in demo-ct-seg model",
                "core CtPhantom.STRUCTURES = labels of inference models/demo-ct-seg/manifest.json")
    for cid, (terms, display, kind, site) in DEMO_CONCEPTS.items():
        b.concept(cid, terms, display, kind=kind, site=site)
    for name in labels:
        side, rest = side_and_rest(name)
        b.structure(name, DEMO_NAME_TO_CONCEPT.get(rest, rest.replace(" ", "_")))
    b.midline = ["vertebral_column"]
    return b


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else (
        "/work/shared/data" if os.path.isdir("/work/shared/data") else "../shared/data")
    os.makedirs(OUT, exist_ok=True)
    demo("inference/src/main/resources/dev/attest/models/demo-ct-seg/manifest.json").write(
        os.path.join(OUT, "attest-demo-ct.json"))
    totalsegmentator(data).write(os.path.join(OUT, "totalsegmentator-v2.json"))
    freesurfer(data).write(os.path.join(OUT, "freesurfer-brainchop.json"))


if __name__ == "__main__":
    main()
