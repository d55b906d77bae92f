"""The command line: all printing and exit codes live here.

Exit codes: 0 clean (nothing at or above --fail-on), 1 findings at or above --fail-on, 2 usage, config or
input errors (one ``path:line:col: error: …`` line each; the other files are still linted).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import click

from okrlint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITY_CHOICES = ("info", "warning", "error")


def _fail(message: str) -> NoReturn:
    click.echo(f"okrlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _linter(select: Sequence[str], ignore: Sequence[str], fail_on: str | None):
    from pydantic import ValidationError

    from okrlint.api import Linter
    from okrlint.config import Config
    from okrlint.nlp import ModelNotFoundError
    from okrlint.registry import unknown_selectors

    bad = unknown_selectors([*select, *ignore])
    if bad:
        _fail(f"unknown rule selector(s): {', '.join(bad)} (see `okrlint rules`)")
    settings: dict[str, object] = {}
    if select:
        settings["select"] = tuple(select)
    if ignore:
        settings["ignore"] = tuple(ignore)
    if fail_on:
        settings["fail_on"] = fail_on
    try:
        linter = Linter(Config(**settings))
        linter.nlp  # noqa: B018 - load the model now so that a missing model is one clear line
    except ValidationError as exc:
        _fail(str(exc).splitlines()[0])
    except ModelNotFoundError as exc:
        _fail(str(exc))
    return linter


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="okrlint")
def main() -> None:
    """Lint drafted OKRs: find what is wrong with each objective and key result, and how to rewrite it."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--output-format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    envvar="OKRLINT_OUTPUT_FORMAT",
    help="How findings are printed.",
)
@click.option(
    "--output-file",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the output to this file instead of standard output.",
)
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITY_CHOICES),
    default=None,
    help="Lowest severity that makes the exit code 1 (default: warning).",
)
@click.option(
    "--exit-zero", is_flag=True, help="Exit 0 even when findings are reported (errors still exit 2)."
)
@click.option("--select", multiple=True, help="Rule codes, prefixes or names to enable (repeatable).")
@click.option("--ignore", multiple=True, help="Rule codes, prefixes or names to disable (repeatable).")
@click.option(
    "--format",
    "input_format",
    type=click.Choice(["markdown", "yaml", "json", "csv", "text"]),
    default=None,
    help="Read input as this format instead of guessing from the extension.",
)
def check(
    paths: tuple[str, ...],
    output_format: str,
    output_file: Path | None,
    fail_on: str | None,
    exit_zero: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    input_format: str | None,
) -> None:
    """Lint OKR files (Markdown, YAML, JSON, CSV, text); `-` reads standard input."""
    from okrlint.formatters import get_formatter
    from okrlint.models import Severity

    linter = _linter(select, ignore, fail_on)
    report = _lint(linter, paths, input_format)
    output = get_formatter(output_format)(report)
    if output_file is not None:
        output_file.write_text(output, encoding="utf-8")
    else:
        click.echo(output, nl=False)
    if report.errors:
        sys.exit(EXIT_ERROR)
    if not report.documents and not report.errors:
        click.echo("okrlint: error: no files to lint", err=True)
        sys.exit(EXIT_ERROR)
    worst = report.worst_severity()
    threshold = Severity(linter.config.fail_on)
    if worst is not None and worst.at_least(threshold) and not exit_zero:
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


def _lint(linter, paths: Sequence[str], input_format: str | None):
    from okrlint.api import SourceDocument
    from okrlint.discovery import collect_sources, error_from
    from okrlint.readers import ReadError, decode, read_document

    sources, errors = collect_sources([p for p in paths if p != "-"], linter.config, input_format)
    if "-" in paths:
        try:
            text = decode(sys.stdin.buffer.read(), "<stdin>")
            sources.append(SourceDocument(read_document(text, path="<stdin>", format=input_format), text))
        except ReadError as err:
            errors.append(error_from(err, "<stdin>"))
    return linter.lint_documents(sources, errors)


@main.command()
@click.argument("path", type=click.Path(path_type=str))
@click.option(
    "--format",
    "input_format",
    type=click.Choice(["markdown", "yaml", "json", "csv", "text"]),
    default=None,
    help="Read input as this format instead of guessing from the extension.",
)
def parse(path: str, input_format: str | None) -> None:
    """Print how okrlint reads an OKR file, as JSON (objectives, key results, fields and spans)."""
    from okrlint.discovery import display_path, read_source
    from okrlint.readers import ReadError, decode, read_document

    try:
        if path == "-":
            text = decode(sys.stdin.buffer.read(), "<stdin>")
            shown = "<stdin>"
        else:
            if Path(path).is_dir() or not Path(path).exists():
                _fail(f"{path}: not a file")
            text = read_source(Path(path))
            shown = display_path(Path(path))
        document = read_document(text, path=shown, format=input_format)
    except ReadError as err:
        click.echo(f"{err.path}:{err.line}:{err.column}: error: {err.message}")
        sys.exit(EXIT_ERROR)
    click.echo(json.dumps(document.model_dump(mode="json"), indent=2, ensure_ascii=False))


@main.command(name="rules")
@click.option("--all", "show_all", is_flag=True, help="Include rules that are off by default.")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules_command(show_all: bool, output_format: str) -> None:
    """List the rules: code, name, severity and what each one flags."""
    from okrlint.registry import all_rules

    rules = [r for r in all_rules() if show_all or r.spec.enabled]
    if output_format == "json":
        data = [
            {
                "code": r.spec.code,
                "name": r.spec.name,
                "scope": str(r.spec.scope),
                "category": str(r.spec.category),
                "severity": str(r.spec.severity),
                "enabled": r.spec.enabled,
                "summary": r.spec.summary,
            }
            for r in rules
        ]
        click.echo(json.dumps(data, indent=2))
        return
    for r in rules:
        state = "" if r.spec.enabled else " (off by default)"
        click.echo(f"{r.spec.code}  {r.spec.name:44} {r.spec.severity!s:8} {r.spec.summary}{state}")


if __name__ == "__main__":
    main()
