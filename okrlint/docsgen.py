"""Generate ``docs/rules/`` from the rule YAML files: one page per rule and an index.

    python -m okrlint.docsgen [--check]

``--check`` exits 1 when the committed pages differ from what the rules produce (the drift test uses it too).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from okrlint.registry import all_rules

DOCS = Path("docs") / "rules"


def render_pages() -> dict[str, str]:
    """File name (inside docs/rules/) -> content, for every rule and the index."""
    env = Environment(
        loader=PackageLoader("okrlint", "templates"),
        undefined=StrictUndefined,
        autoescape=False,  # Markdown output, not HTML
        keep_trailing_newline=True,
        trim_blocks=False,
    )
    template = env.get_template("rule_doc.md.j2")
    pages: dict[str, str] = {}
    index = [
        "# Rules",
        "",
        "Generated from `rules/**/*.yaml` by `python -m okrlint.docsgen`; do not edit by hand.",
        "",
        "| code | name | severity | on by default | summary |",
        "| --- | --- | --- | --- | --- |",
    ]
    for rule in all_rules():
        spec = rule.spec
        name = f"{spec.code}-{spec.name}.md"
        pages[name] = template.render(spec=spec).rstrip() + "\n"
        enabled = "yes" if spec.enabled else "no"
        index.append(
            f"| [{spec.code}]({name}) | `{spec.name}` | {spec.severity} | {enabled} | {spec.summary} |"
        )
    pages["README.md"] = "\n".join(index) + "\n"
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate docs/rules from the rule YAML files.")
    parser.add_argument("--check", action="store_true", help="fail when docs/rules is out of date")
    parser.add_argument("--out", type=Path, default=DOCS)
    args = parser.parse_args(argv)
    pages = render_pages()
    stale = sorted(
        name
        for name, text in pages.items()
        if not (args.out / name).is_file() or (args.out / name).read_text(encoding="utf-8") != text
    )
    extra = sorted(p.name for p in args.out.glob("*.md") if p.name not in pages) if args.out.is_dir() else []
    if args.check:
        for name in stale + extra:
            sys.stderr.write(f"docs/rules/{name} is out of date: run `python -m okrlint.docsgen`\n")
        return 1 if stale or extra else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name in extra:
        (args.out / name).unlink()
    for name in stale:
        (args.out / name).write_text(pages[name], encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
