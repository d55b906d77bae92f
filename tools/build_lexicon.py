"""Generate ``rules/lexicons/derived.yaml``: word classes derived from WordNet, committed so that okrlint needs
nothing extra at run time.

Each class is named by a few WordNet root synsets (chosen by hand, with their glosses below); its members are
the words whose MOST FREQUENT sense lies under one of the roots. Verbs must also be attested in the
sense-tagged SemCor counts shipped with WordNet, with more than half of their tagged uses under the roots (verbs
are polysemous: "yield" is listed first as "be the source of" but mostly means something else); nouns need not
(SemCor predates "laptop"). Multi-word entries are kept for verbs (phrasal verbs such as "buy up") and dropped
for nouns.

Run it after installing the Debian package ``wordnet-base`` (WordNet 3.0 data in /usr/share/wordnet) and the
development dependency ``nltk``:

    apt-get install -y wordnet-base
    .venv/bin/pip install -e '.[dev]'
    .venv/bin/python tools/build_lexicon.py [--wordnet /usr/share/wordnet]
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import sys
import tempfile
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "rules" / "lexicons" / "derived.yaml"
LEXNAMES_MAN = Path("/usr/share/man/man5/lexnames.5WN.gz")

# class -> (section, part of speech, root synsets, why)
CLASSES: dict[str, tuple[str, str, tuple[str, ...], str]] = {
    "purchase": (
        "verbs",
        "v",
        ("buy.v.01",),
        "obtain by purchase: 'Buy 40 new laptops' spends money, an input rather than a result",
    ),
    "provision": (
        "verbs",
        "v",
        ("supply.v.01", "deliver.v.01", "deliver.v.02", "offer.v.01"),
        "give or hand over something: 'Deliver a new website', 'Provide 3 concepts' hand over work product",
    ),
    "cessation": (
        "verbs",
        "v",
        ("stop.v.01", "discontinue.v.01", "avoid.v.01", "refrain.v.01"),
        "put an end to or keep away from: 'Stop buying too much stuff' gives something up, it makes nothing",
    ),
    "goods": (
        "nouns",
        "n",
        ("equipment.n.01", "device.n.01", "furniture.n.01", "conveyance.n.03", "commodity.n.01"),
        "physical goods one buys: laptops, phones, furniture, vehicles",
    ),
}


def _reader(wordnet: Path):  # type: ignore[no-untyped-def]
    """NLTK's WordNet reader over the Debian files (copied, with the lexnames index NLTK expects)."""
    import nltk
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    class Reader(WordNetCorpusReader):  # type: ignore[misc]
        def map_wn(self, version: str = "wordnet") -> None:
            return None  # no mapping to another WordNet version (it would look for NLTK's own download)

    copy = Path(tempfile.mkdtemp(prefix="okrlint-wordnet-"))
    for path in wordnet.iterdir():
        if path.is_file():
            shutil.copy(path, copy / path.name)
    if not (copy / "lexnames").exists():
        # Debian ships the lexicographer file names only in the lexnames(5WN) manual page.
        lines = []
        with gzip.open(LEXNAMES_MAN, "rt", encoding="utf-8") as man:
            for line in man:
                parts = line.split("\t")
                if len(parts) >= 2 and parts[0].isdigit() and len(parts[0]) == 2:
                    name = parts[1].strip()
                    pos = {"noun": 1, "verb": 2, "adj": 3, "adv": 4}[name.split(".")[0]]
                    lines.append(f"{parts[0]}\t{name}\t{pos}\n")
        (copy / "lexnames").write_text("".join(lines), encoding="utf-8")
    nltk.data.path.append(str(copy))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return Reader(str(copy), None)


def _mostly_under(name: str, senses: list, under: set) -> bool:  # type: ignore[type-arg]
    """More than half of the word's sense-tagged uses in SemCor (cntlist) fall under the class's roots.

    The first sense alone is too weak a test for a verb: "yield" lists "be the source of" (a supply sense) first
    with 6 of its 23 tagged uses, while most uses mean produce or give way; "take in" and "wash" likewise.
    """
    counts = [(s, lem.count()) for s in senses for lem in s.lemmas() if lem.name() == name]
    total = sum(c for _, c in counts)
    inside = sum(c for s, c in counts if s in under)
    return total >= 1 and inside * 2 > total


def members(wn, pos: str, roots: tuple[str, ...]) -> list[str]:  # type: ignore[no-untyped-def]
    under = set()
    for root in roots:
        synset = wn.synset(root)
        under |= {synset} | set(synset.closure(lambda s: s.hyponyms()))
    found = set()
    for synset in under:
        for lemma in synset.lemmas():
            name = lemma.name()
            if not name.islower() or (pos == "n" and "_" in name):
                continue
            senses = wn.synsets(name, pos)
            if not senses or senses[0] not in under:
                continue  # the word's usual meaning is something else ("take", "get")
            if pos == "v" and not _mostly_under(name, senses, under):
                continue  # verbs are polysemous: keep those whose tagged uses mostly mean the class
            found.add(name.replace("_", " "))
    return sorted(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    args = parser.parse_args(argv)
    wn = _reader(args.wordnet)
    out = [
        "# GENERATED by tools/build_lexicon.py from WordNet 3.0 (Debian wordnet-base): do not edit by hand.",
        "# Each class: the words whose most frequent sense lies under the listed root synsets.",
    ]
    for section in ("verbs", "nouns"):
        out.append(f"{section}:")
        for name, (sec, pos, roots, why) in CLASSES.items():
            if sec != section:
                continue
            words = members(wn, pos, roots)
            out.append(f"  # {why}; roots: {', '.join(roots)}")
            out.append(f"  {name}:")
            out.extend(f'    - "{w}"' for w in words)
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
