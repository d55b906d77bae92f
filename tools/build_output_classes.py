"""Build ``rules/lexicons/output_classes.json``: which class of output a noun or a verb names, from WordNet.

The suggester maps a piece of work to the outcome it is for by the *class* of the work (content, a site, a release,
hiring, training, a migration, documentation, events and outreach, a process, a purchase, research), never by
the one word it saw. Each class below names a few WordNet synsets (reviewed by hand); every lemma in their
hyponym (nouns) or troponym (verbs) closure joins the class, but only when that sense is among the lemma's three
most frequent ones, so that rare senses ("post" as an upright pole) do not decide. ``own`` lists the domain
terms WordNet 3.0 lacks or only knows in another sense ("app", "webinar", "feature" as product feature); they are
the product's own, reviewed. When a lemma falls in two classes, the class listed first wins.

Run at build time only (nltk is a dev dependency; okrlint reads the generated YAML)::

    python tools/build_output_classes.py [--wordnet /usr/share/wordnet]

Debian's ``wordnet-base`` ships the WordNet 3.0 database without the ``lexnames`` file nltk needs and nltk
refuses paths outside its data roots, so the database is copied into a temporary directory with ``lexnames``
written from the WordNet manual (lexnames(5WN)).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import warnings
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "rules" / "lexicons" / "output_classes.json"
SENSE_RANK = 3  # a sense counts when it is among a lemma's first three

# Order matters: earlier classes win a lemma that two classes claim.
CLASSES: dict[str, dict[str, list[str]]] = {
    "hiring": {
        "verbs": ["hire.v.01", "recruit.v.02"],
        "nouns": ["recruitment.n.01", "employment.n.03"],
        "own_verbs": ["recruit", "onboard", "staff", "headhunt"],
        "own_nouns": ["hire", "new hire", "recruiting", "headcount", "job ad", "job posting", "vacancy"],
    },
    "training": {
        "verbs": ["teach.v.01", "train.v.01", "educate.v.01"],
        "nouns": ["education.n.01", "course.n.01", "teaching.n.01", "training.n.01"],
        "own_verbs": ["upskill", "reskill", "mentor", "coach", "train"],
        "own_nouns": ["bootcamp", "certification", "curriculum", "workshop", "lesson", "course"],
    },
    "research": {
        "verbs": ["investigate.v.01", "interview.v.01", "research.v.01", "survey.v.01"],
        "nouns": ["research.n.01", "inquiry.n.01", "interview.n.01", "survey.n.01", "experiment.n.01"],
        "own_verbs": ["interview", "survey", "research", "explore", "validate", "benchmark"],
        "own_nouns": [
            "user research",
            "customer interview",
            "discovery",
            "usability test",
            "a/b test",
            "poll",
        ],
    },
    "migration": {
        "verbs": ["migrate.v.01", "overhaul.v.02", "modernize.v.02"],
        "nouns": ["migration.n.01", "infrastructure.n.01", "server.n.03", "network.n.02"],
        "own_verbs": [
            "migrate",
            "upgrade",
            "port",
            "refactor",
            "replatform",
            "containerize",
            "modernize",
            "consolidate",
            "decommission",
            "rearchitect",
        ],
        "own_nouns": [
            "migration",
            "upgrade",
            "infrastructure",
            "server",
            "database",
            "cluster",
            "cloud",
            "kubernetes",
            "microservice",
            "pipeline",
            "backend",
            "architecture",
            "stack",
            "data center",
            "hosting",
            "ci",
            "deployment",
            "monolith",
            "legacy system",
            "codebase",
        ],
    },
    "documentation": {
        "verbs": ["document.v.01"],
        "nouns": [
            "documentation.n.01",
            "software_documentation.n.01",
            "handbook.n.01",
            "faq.n.01",
            "manual.n.01",
            "guidebook.n.01",
            "tutorial.n.01",
        ],
        "own_verbs": ["document"],
        "own_nouns": [
            "docs",
            "faq section",
            "help section",
            "support article",
            "doc",
            "documentation",
            "help center",
            "help centre",
            "knowledge base",
            "wiki",
            "faq",
            "playbook",
            "runbook",
            "how-to",
            "help article",
            "wiki article",
            "learning centre",
            "learning center",
        ],
    },
    "outreach": {
        "verbs": ["reach.v.04", "e-mail.v.01", "call.v.03", "visit.v.01", "canvass.v.02", "host.v.01"],
        "nouns": [
            "meeting.n.01",
            "conference.n.01",
            "social_gathering.n.01",
            "seminar.n.01",
            "sales_talk.n.01",
            "visit.n.01",
            "call.n.01",
        ],
        "own_verbs": [
            "reach out",
            "contact",
            "call",
            "email",
            "e-mail",
            "pitch",
            "host",
            "attend",
            "sponsor",
            "exhibit",
            "cold-call",
            "phone",
            "visit",
            "meet",
            "canvass",
        ],
        "own_nouns": [
            "event",
            "meetup",
            "trade show",
            "roadshow",
            "booth",
            "hackathon",
            "summit",
            "conference",
            "outreach",
            "cold call",
            "sales call",
            "demo",
            "networking event",
            "partnership",
            "partner",
        ],
    },
    "content": {
        "verbs": ["publish.v.02", "create_verbally.v.01", "blog.v.01", "film.v.01"],
        "nouns": [
            "writing.n.02",
            "publication.n.01",
            "article.n.01",
            "video.n.01",
            "video_recording.n.01",
            "web_log.n.01",
            "newsletter.n.01",
            "booklet.n.01",
            "advertisement.n.01",
            "presentation.n.03",
            "photograph.n.01",
        ],
        "own_verbs": ["publish", "post", "write", "blog", "tweet", "film", "record", "produce"],
        "own_nouns": [
            "post",
            "blog post",
            "email",
            "e-mail",
            "mailing",
            "webinar",
            "podcast",
            "ebook",
            "e-book",
            "whitepaper",
            "white paper",
            "case study",
            "content",
            "social media",
            "tweet",
            "reel",
            "infographic",
            "newsletter",
            "video",
            "episode",
            "copy",
            "landing copy",
            "testimonial",
            "campaign",
            "email campaign",
            "ad",
            "advert",
            "brochure",
            "flyer",
            "deck",
            "slide",
        ],
    },
    "site": {
        "verbs": [],
        "nouns": ["web_site.n.01", "web_page.n.01"],
        "own_verbs": [],
        "own_nouns": [
            "website",
            "web site",
            "site",
            "page",
            "landing page",
            "login page",
            "pricing page",
            "home page",
            "homepage",
            "web page",
            "checkout",
            "signup page",
            "sign-up page",
            "store",
            "online store",
            "shop",
            "portal",
        ],
    },
    "release": {
        "verbs": [],
        "nouns": [
            "software.n.01",
            "program.n.07",
            "computer_system.n.01",
            "platform.n.03",
            "merchandise.n.01",
            "product.n.02",
            "prototype.n.01",
        ],
        "own_verbs": ["launch", "ship", "release", "deploy", "roll out", "go live"],
        "own_nouns": [
            "app",
            "application",
            "feature",
            "product",
            "release",
            "version",
            "dashboard",
            "tool",
            "integration",
            "api",
            "mvp",
            "beta",
            "module",
            "plugin",
            "extension",
            "checkout",
            "onboarding",
            "onboarding flow",
            "flow",
            "signup",
            "sign-up",
            "interface",
            "ui",
            "ux",
            "crm",
            "system",
            "platform",
            "v1",
            "v2",
            "prototype",
            "mobile app",
            "chatbot",
            "search",
            "feed",
            "offer",
            "pricing",
            "package",
        ],
    },
    "design": {
        "verbs": [],
        "nouns": ["logo.n.01", "trademark.n.02"],
        "own_verbs": [],
        "own_nouns": [
            "logo",
            "brand identity",
            "visual identity",
            "mockup",
            "mock-up",
            "wireframe",
            "concept",
            "design concept",
            "style guide",
            "brand guidelines",
            "icon",
            "illustration",
        ],
    },
    "team_event": {
        "verbs": [],
        "nouns": [],
        "own_verbs": [],
        "own_nouns": [
            "team activity",
            "team event",
            "team building",
            "team-building",
            "offsite",
            "off-site",
            "team offsite",
            "team retreat",
            "team lunch",
            "team outing",
            "social event",
        ],
    },
    "plan": {
        "verbs": [],
        "nouns": ["plan.n.01"],
        "own_verbs": [],
        "own_nouns": ["plan", "strategy", "roadmap", "road map", "playbook", "go-to-market plan", "gtm plan"],
    },
    "process": {
        "verbs": ["streamline.v.01", "standardize.v.01", "automatize.v.02"],
        "nouns": ["procedure.n.01", "work_flow.n.01", "routine.n.01"],
        "own_verbs": ["streamline", "automate", "standardize", "standardise", "simplify"],
        "own_nouns": [
            "process",
            "procedure",
            "workflow",
            "routine",
            "checklist",
            "policy",
            "handover",
            "handoff",
            "approval",
            "review process",
            "sales process",
            "hiring process",
            "reporting",
            "invoicing",
            "billing",
            "payroll",
            "triage",
            "sprint",
            "ritual",
            "standup",
            "template",
            "form",
        ],
    },
    "purchase": {
        "verbs": ["buy.v.01", "rent.v.01", "lease.v.04", "procure.v.01"],
        "nouns": [
            "contract.n.01",
            "purchase.n.01",
            "license.n.01",
            "subscription.n.01",
            "supply.n.01",
            "equipment.n.01",
            "furniture.n.01",
            "food.n.02",
            "snack_food.n.01",
            "bite.n.04",
        ],
        "own_verbs": ["order", "purchase", "buy", "procure", "renew", "lease", "rent", "negotiate"],
        "own_nouns": [
            "contract",
            "vendor",
            "supplier",
            "licence",
            "license",
            "subscription",
            "equipment",
            "laptop",
            "hardware",
            "furniture",
            "supplies",
            "snack",
            "office supplies",
            "seat",
            "tender",
            "deal with a vendor",
            "insurance",
        ],
    },
}


# Objects that are people ("Hire 2 engineers", "Train the support team", "Contact eligible customers"): the
# rewrite then speaks of what those people do or feel, not of a thing. Only a lemma's first sense counts here:
# the list is long, and "office" or "service" should stay things.
PEOPLE = {
    "nouns": ["person.n.01", "people.n.01", "social_group.n.01", "organization.n.01", "unit.n.03"],
    "own_nouns": [
        "team",
        "staff",
        "customer",
        "user",
        "client",
        "lead",
        "prospect",
        "employee",
        "hire",
        "developer",
        "engineer",
        "agent",
        "member",
        "household",
        "subscriber",
        "partner",
        "candidate",
        "stakeholder",
        "colleague",
        "manager",
        "account",
    ],
}

LEXNAMES_MANUAL = "/usr/share/man/man5/lexnames.5WN.gz"


def _reader(wordnet: Path):  # type: ignore[no-untyped-def]
    import gzip
    import re

    import nltk
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    class DebianWordNet(WordNetCorpusReader):
        def map_wn(self, version: str = "wordnet") -> None:  # no sense index to map from: this is 3.0 already
            return None

    tmp = Path(tempfile.mkdtemp(prefix="wordnet-"))
    for path in wordnet.iterdir():
        if path.is_file():
            shutil.copy(path, tmp / path.name)
    if not (tmp / "lexnames").exists():
        with gzip.open(LEXNAMES_MANUAL, "rt", encoding="utf-8") as manual:
            rows = [m.groups() for m in re.finditer(r"^(\d\d)\s+(\S+)", manual.read(), re.MULTILINE)]
        (tmp / "lexnames").write_text("".join(f"{n}\t{name}\t{n[0]}\n" for n, name in rows), encoding="utf-8")
    nltk.data.path.append(str(tmp))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return DebianWordNet(str(tmp), None)


CONSUMING_LEXNAMES = frozenset({"verb.perception", "verb.consumption"})
# Taking in that WordNet files under cognition ("read" is "interpret something written"): "Read 12 books" makes
# no content for an audience.
OWN_CONSUMING = ("read", "reread", "skim", "binge")
DECIDING_ROOTS = ("decide.v.01", "choose.v.01")

# Subtrees left out of a class: WordNet files them under the anchor, but they are not what the class is for
# (a ticket or a legal document is "writing", a TV programme is a "broadcast").
EXCLUDED = frozenset({"document.n.01", "legal_document.n.01", "list.n.01", "label.n.01", "program.n.01"})


def _closure(wn, names: list[str], pos: str, rank: int = SENSE_RANK) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Lemma -> the anchor it came from, for frequent senses under the anchors (EXCLUDED subtrees left out)."""
    out: dict[str, str] = {}
    excluded = {wn.synset(name) for name in EXCLUDED}
    for name in names:
        anchor = wn.synset(name)
        for synset in [anchor, *anchor.closure(lambda s: [h for h in s.hyponyms() if h not in excluded])]:
            for lemma in synset.lemma_names():
                word = lemma.replace("_", " ").lower()
                ranked = wn.synsets(lemma, pos)[:rank]
                if synset in ranked and word not in out:
                    out[word] = name
    return out


def _gerund_exceptions(wn) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Single-word WordNet verbs whose dictionary -ing form differs from lemminflect's rule-based one, so that
    okrlint can inflect with the fast rules at run time and still write "referring", not "refering"."""
    from lemminflect import getAllInflectionsOOV, getInflection

    out = {}
    for lemma in sorted({name for name in wn.all_lemma_names("v") if name.isalpha()}):
        known = getInflection(lemma, tag="VBG", inflect_oov=False)
        if known and known[0] != getAllInflectionsOOV(lemma, upos="VERB")["VBG"][0]:
            out[lemma] = known[0]
    return out


def build(wordnet: Path) -> str:
    wn = _reader(wordnet)
    nouns: dict[str, str] = {}
    verbs: dict[str, str] = {}
    for cls, spec in CLASSES.items():
        for word in spec["own_verbs"]:
            verbs.setdefault(word, cls)
        for word in spec["own_nouns"]:
            nouns.setdefault(word, cls)
    # Verbs of taking in rather than making ("watch a TV show", "listen to a podcast"): no output to measure.
    for word in OWN_CONSUMING:
        verbs.setdefault(word, "consuming")
    for lemma in wn.all_lemma_names("v"):
        senses = wn.synsets(lemma, "v")
        if senses and senses[0].lexname() in CONSUMING_LEXNAMES:
            verbs.setdefault(lemma.replace("_", " "), "consuming")
    # Verbs of deciding ("decide on the pricing model", "choose a vendor"): the choice is made, nothing is produced.
    for word in _closure(wn, list(DECIDING_ROOTS), "v", rank=1):  # only words whose first sense is choosing
        verbs.setdefault(word, "deciding")
    for cls, spec in CLASSES.items():
        for word in _closure(wn, spec["verbs"], "v"):
            verbs.setdefault(word, cls)
        for word in _closure(wn, spec["nouns"], "n"):
            nouns.setdefault(word, cls)
    gerunds = _gerund_exceptions(wn)
    people = set(PEOPLE["own_nouns"]) | set(_closure(wn, PEOPLE["nouns"], "n", rank=1))
    # A gathering is filed under social groups ("conference", "meeting"), but in a key result it is an event
    # the team attends or hosts, not the people it is for.
    people -= {n for n, cls in nouns.items() if cls == "outreach" and n not in PEOPLE["own_nouns"]}
    data = {
        "about": (
            "Generated by tools/build_output_classes.py from WordNet 3.0 (Princeton University) and the domain "
            "terms listed in that script; do not edit by hand. verbs/nouns: lemma -> class of output it names "
            "('consuming': a verb of taking in, 'deciding': a verb of choosing; neither names an output); gerunds: -ing forms lemminflect's "
            "spelling rules get wrong; people: nouns that name people."
        ),
        "classes": list(CLASSES),
        "verbs": dict(sorted(verbs.items())),
        "nouns": dict(sorted(nouns.items())),
        "gerunds": dict(sorted(gerunds.items())),
        "people": sorted(people),
    }
    # JSON, not YAML: okrlint reads it on the first rewrite of every run, and JSON loads in a few milliseconds
    return json.dumps(data, indent=0, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    args.out.write_text(build(args.wordnet), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
