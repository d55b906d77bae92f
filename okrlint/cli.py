"""The command line: all printing and exit codes live here.

Exit codes: 0 clean (nothing at or above --fail-on), 1 findings at or above --fail-on, 2 usage, config, input or
output errors (one ``path:line:col: error: …`` line each; the other files are still linted), 130 interrupted.
"""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from okrlint import __version__
from okrlint.cli_frontends import mcp_command, server_command
from okrlint.formatters import FORMAT_NAMES
from okrlint.interrupt import InterruptibleGroup

if TYPE_CHECKING:  # imported lazily at run time so that `okrlint --help` stays fast
    from okrlint.config_files import ConfigResolver

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
# --statistics replaces the findings: as a table in the human formats, as JSON with --output-format json.
_STATISTICS_AS_TABLE = frozenset({"text", "concise", "full"})
SEVERITY_CHOICES = ("info", "warning", "error")


def _read_stdin() -> bytes:
    """Standard input, bounded like a file: more than the size limit is an error, not a hang or a crash."""
    from okrlint.discovery import MAX_FILE_BYTES
    from okrlint.readers import ReadError

    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ReadError(
            "<stdin>", 1, 1, f"input is over {MAX_FILE_BYTES} bytes; okrlint reads up to that much"
        )
    return data


def _fail(message: str) -> NoReturn:
    click.echo(f"okrlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _resolver(
    select: Sequence[str], ignore: Sequence[str], fail_on: str | None, config: Path | None, isolated: bool
) -> ConfigResolver:
    from okrlint.config_files import ConfigResolver
    from okrlint.registry import unknown_selectors

    # Repeatable and comma-separated, as in ruff: --select K,S or --select K --select S.
    select = [part.strip() for value in select for part in value.split(",") if part.strip()]
    ignore = [part.strip() for value in ignore for part in value.split(",") if part.strip()]
    bad = unknown_selectors([*select, *ignore])
    if bad:
        _fail(f"unknown rule selector(s): {', '.join(bad)} (see `okrlint rules`)")
    overrides: dict[str, object] = {}
    if select:
        overrides["select"] = tuple(select)
    if ignore:
        overrides["ignore"] = tuple(ignore)
    if fail_on:
        overrides["fail_on"] = fail_on  # the command line wins over the config file
    return ConfigResolver(explicit=config, isolated=isolated, overrides=overrides)


@click.group(cls=InterruptibleGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="okrlint")
def main() -> None:
    """Lint drafted OKRs: find what is wrong with each objective and key result, and how to rewrite it."""


@main.command()
# readable=False: an unreadable path is one error line of its own while the others are linted, not a usage error.
@click.argument("paths", nargs=-1, type=click.Path(readable=False, path_type=str))
@click.option(
    "--output-format",
    "output_format",
    type=click.Choice(FORMAT_NAMES),
    default=None,
    envvar="OKRLINT_OUTPUT_FORMAT",
    help="How findings are printed (default: output-format from the config, else text).",
)
@click.option(
    "--output-file",
    type=click.Path(path_type=Path),
    help="Write the output to this file instead of standard output (never one of the files linted).",
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
@click.option(
    "--select",
    multiple=True,
    help="Rule codes, prefixes or names to run, replacing the config's (K,S or repeated).",
)
@click.option(
    "--ignore",
    multiple=True,
    help="Rule codes, prefixes or names to disable, added to the config's (repeatable).",
)
@click.option(
    "--format",
    "input_format",
    type=click.Choice(["markdown", "yaml", "json", "csv", "text"]),
    default=None,
    help="Read input as this format instead of guessing from the extension.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Use this config file (okrlint.toml or a pyproject.toml with [tool.okrlint]) for every file.",
)
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    help="Worker processes, forked after the model loads, used only above 2,000 distinct statements "
    "(default 0: one per available CPU, at most 8; 1: never fork).",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text and full formats (auto: on a terminal, unless NO_COLOR is set or FORCE_COLOR is).",
)
@click.option(
    "--statistics", is_flag=True, help="Print how many findings each rule raised instead of each finding."
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
    config_path: Path | None,
    isolated: bool,
    jobs: int,
    color: str,
    statistics: bool,
) -> None:
    """Lint OKR files (Markdown, YAML, JSON, CSV, text); `-` reads standard input. With no path, the OKR files
    of the current folder, as the config includes and excludes them."""
    from okrlint.config_files import ConfigError
    from okrlint.formatters import render_for
    from okrlint.formatters.style import COLOR, PLAIN
    from okrlint.formatters.text import statistics as statistics_table
    from okrlint.formatters.text import statistics_rows
    from okrlint.nlp import ModelNotFoundError
    from okrlint.output_file import OutputFileError, refuse_inputs, write_report, write_stdout
    from okrlint.session import lint_sources
    from okrlint.terminal import progress_bar, use_color

    paths = paths or (".",)
    resolver = _resolver(select, ignore, fail_on, config_path, isolated)
    try:
        if output_file is not None:
            refuse_inputs(output_file, _input_files(resolver, paths))
        fmt = output_format or resolver.for_path(None).config.output_format or "text"
        if statistics and fmt != "json" and fmt not in _STATISTICS_AS_TABLE:
            # A usage error, said before any file is linted.
            _fail(f"--statistics prints a table or JSON; it does not combine with --output-format {fmt}")
        with progress_bar(sys.stderr) as progress:
            result = lint_sources(
                paths, resolver, input_format, jobs, read_stdin=_read_stdin, progress=progress
            )
    except ConfigError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_ERROR)
    except ModelNotFoundError as exc:
        _fail(str(exc))
    except OutputFileError as exc:
        _fail(str(exc))
    report = result.report
    if not report.documents and not report.errors and all(p != "-" and Path(p).is_file() for p in paths):
        # Every file named was excluded by its config (pre-commit passes such files): nothing to do is success.
        click.echo("okrlint: every file named is excluded by the configuration", err=True)
        sys.exit(EXIT_CLEAN)
    if not report.documents and not report.errors:
        # Said before any output: a report of "0 files checked" above it would read as a clean run.
        click.echo("okrlint: error: no files to lint", err=True)
        sys.exit(EXIT_ERROR)
    painted = output_file is None and use_color(color, sys.stdout)
    if statistics and fmt == "json":
        output = json.dumps(statistics_rows(report), indent=2) + "\n"
    elif statistics:
        output = statistics_table(report, COLOR if painted else PLAIN)
    else:
        output = render_for(fmt, report, color=painted)
    try:
        if output_file is not None:
            write_report(output_file, output)
        else:
            write_stdout(output, color=painted)
    except OutputFileError as exc:
        _fail(str(exc))
    if report.errors:
        sys.exit(EXIT_ERROR)
    # Each file is judged by the fail-on of its own config (the command line's --fail-on is already in it).
    if result.failing() and not exit_zero:
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


def _input_files(resolver: ConfigResolver, paths: Sequence[str]) -> list[Path]:
    """Every file the run reads, folders walked, each under the include/exclude of its own config."""
    from okrlint.discovery import expand

    return [f for p in paths if p != "-" for f in expand([p], resolver.for_path(p).config)[0]]


@main.command()
@click.argument("path", type=click.Path(readable=False, path_type=str))
@click.option(
    "--format",
    "input_format",
    type=click.Choice(["markdown", "yaml", "json", "csv", "text", "xlsx"]),
    default=None,
    help="Read input as this format instead of guessing from the extension.",
)
@click.option(
    "--output-format",
    type=click.Choice(["tree", "json"]),
    default=None,
    help="tree: objectives and key results as a person reads them; json: every field and span. "
    "Default: tree on a terminal, json otherwise.",
)
def parse(path: str, input_format: str | None, output_format: str | None) -> None:
    """Print how okrlint reads an OKR file: a tree of objectives and key results, or JSON."""
    from okrlint.discovery import display_path, read_file_bytes
    from okrlint.parse_tree import render_tree
    from okrlint.readers import ReadError, read_bytes

    try:
        if path == "-":
            data, shown = _read_stdin(), "<stdin>"
        else:
            if Path(path).is_dir():
                _fail(f"{path}: is a folder; `okrlint parse` reads one file")
            data, shown = read_file_bytes(Path(path)), display_path(Path(path))
        document, _ = read_bytes(data, path=shown, format=input_format)
    except ReadError as err:
        click.echo(f"{err.path}:{err.line}:{err.column}: error: {err.message}")
        sys.exit(EXIT_ERROR)
    if (output_format or ("tree" if sys.stdout.isatty() else "json")) == "tree":
        click.echo(render_tree(document))
    else:
        click.echo(json.dumps(document.model_dump(mode="json"), indent=2, ensure_ascii=False))


@main.command(name="rules")
@click.option("--all", "show_all", is_flag=True, help="Include rules that are off by default.")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules_command(show_all: bool, output_format: str) -> None:
    """List the rules: code, name, severity and what each one flags."""
    from okrlint.registry import all_rules, rule_summaries

    if output_format == "json":
        click.echo(json.dumps(rule_summaries(include_off=show_all), indent=2))
        return
    rules = [r for r in all_rules() if show_all or r.spec.enabled]
    for r in rules:
        state = "" if r.spec.enabled else " (off by default)"
        click.echo(f"{r.spec.code}  {r.spec.name:44} {r.spec.severity!s:8} {r.spec.summary}{state}")


@main.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Explain a rule (by code or name): what it flags, why, the guide it rests on, examples and options."""
    from okrlint.explain import explain_rule
    from okrlint.registry import find_rule

    found = find_rule(rule)
    if found is None:
        _fail(f"unknown rule {rule!r} (see `okrlint rules --all`)")
    click.echo(explain_rule(found.spec), nl=False)


@main.command(name="config")
@click.argument("path", required=False, type=click.Path(path_type=str))
@click.option("--show", is_flag=True, help="Print the config that applies to PATH (default) and its file.")
@click.option("--schema", "show_schema", is_flag=True, help="Print the JSON schema of the config.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Show this config file instead of discovering one.",
)
@click.option("--isolated", is_flag=True, help="Ignore every config file (show the defaults).")
@click.option("--output-format", type=click.Choice(["toml", "json"]), default="toml", show_default=True)
def config_command(
    path: str | None,
    show: bool,
    show_schema: bool,
    config_path: Path | None,
    isolated: bool,
    output_format: str,
) -> None:
    """Show the resolved configuration for PATH (a file or folder; default: the working directory)."""
    from okrlint.config_files import ConfigError, ConfigResolver, render_json, render_toml, schema

    if show_schema:
        click.echo(schema(), nl=False)
        return
    try:
        loaded = ConfigResolver(explicit=config_path, isolated=isolated).for_path(path)
    except ConfigError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_ERROR)
    click.echo(render_json(loaded) if output_format == "json" else render_toml(loaded), nl=False)


main.add_command(server_command)
main.add_command(mcp_command)


def run() -> None:
    """The console entry point: ``main`` with fewer garbage collections, then a quick exit.

    The command owns its process, so the young-generation collection threshold stays raised for the whole run,
    loading spaCy included (measured: about 70 ms of a 1.3 s run). At the end, the heap holds the whole spaCy
    pipeline. Freezing it first spares the interpreter's final garbage collections a walk over all of it
    (measured: about 0.25 s of every run). Output is still flushed and exit handlers still run; memory held in
    reference cycles goes back to the operating system with the process instead of being collected one object
    at a time.
    """
    from okrlint.gc_tuning import LINT_GEN0_THRESHOLD

    gc.set_threshold(LINT_GEN0_THRESHOLD, *gc.get_threshold()[1:])
    try:
        main()
    finally:
        gc.freeze()


if __name__ == "__main__":
    run()
