"""The directive scanner on raw text: every form, in each format's comment syntax, and its failure modes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.directives import DirectiveKind, mask, scan

FORMATS = ("markdown", "yaml", "text", "csv", "json")


def comment(fmt: str, body: str) -> str:
    return f"<!-- okrlint: {body} -->" if fmt == "markdown" else f"# okrlint: {body}"


@pytest.mark.parametrize("fmt", ["markdown", "yaml", "text", "csv"])
@pytest.mark.parametrize(
    ("body", "kind", "selectors", "reason"),
    [
        ("ignore[K203] counted on purpose", DirectiveKind.IGNORE, ["K203"], "counted on purpose"),
        ("ignore[K203,K204]", DirectiveKind.IGNORE, ["K203", "K204"], ""),
        ("ignore[K2, key-result-is-binary]", DirectiveKind.IGNORE, ["K2", "key-result-is-binary"], ""),
        ("disable[K203,K204]", DirectiveKind.DISABLE, ["K203", "K204"], ""),
        ("enable[K203]", DirectiveKind.ENABLE, ["K203"], ""),
        (
            "file-ignore[S301] one objective per file",
            DirectiveKind.FILE_IGNORE,
            ["S301"],
            "one objective per file",
        ),
        ("ignore", DirectiveKind.IGNORE, [], ""),
        ("ignore draft, rewritten next week", DirectiveKind.IGNORE, [], "draft, rewritten next week"),
    ],
)
def test_each_form_is_read_in_each_comment_syntax(
    fmt: str, body: str, kind: DirectiveKind, selectors: list[str], reason: str
) -> None:
    text = f"title line\n{comment(fmt, body)}\n"
    (directive,) = scan(text, fmt)
    assert directive.kind is kind and directive.active
    assert [s.text for s in directive.selectors] == selectors
    assert directive.covers_all is (not selectors)
    assert directive.reason == reason
    assert directive.line == 2 and directive.own_line
    for s in directive.selectors:
        assert text[s.start : s.end] == s.text  # offsets point at the code itself (for X002)


def test_trailing_directive_is_not_own_line() -> None:
    (md,) = scan("- Publish 4 posts a week <!-- okrlint: ignore[K204] -->\n", "markdown")
    (yml,) = scan("  - Publish 4 posts a week  # okrlint: ignore[K204]\n", "yaml")
    assert not md.own_line and not yml.own_line


def test_comment_syntax_follows_the_format() -> None:
    html = "<!-- okrlint: ignore[K203] -->\n"
    hashed = "# okrlint: ignore[K203]\n"
    assert scan(html, "markdown") and not scan(hashed, "markdown")
    assert scan(hashed, "yaml") and not scan(html, "yaml")
    assert not scan(hashed, "json") and not scan(html, "json")  # JSON has no comments


def test_hash_inside_a_word_is_not_a_comment() -> None:
    assert not scan("Fix issue#okrlint: ignore[K203]\n", "text")


def test_several_html_comments_on_one_line() -> None:
    found = scan("x <!-- okrlint: ignore[K203] --> y <!-- okrlint: disable[S3] -->\n", "markdown")
    assert [d.kind for d in found] == [DirectiveKind.IGNORE, DirectiveKind.DISABLE]


def test_keyword_and_verb_are_case_insensitive_and_spacing_is_loose() -> None:
    (d,) = scan("#OKRLINT :  Ignore [K203 K204]  why\n", "yaml")
    assert d.kind is DirectiveKind.IGNORE and [s.text for s in d.selectors] == ["K203", "K204"]
    assert d.reason == "why"


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("ignor[K203]", "unknown okrlint directive 'ignor' (did you mean 'ignore'?)"),
        ("ignore[K203", "unclosed '['"),
        ("ignore[]", "empty rule list"),
        ("", "empty okrlint directive"),
    ],
)
def test_malformed_directives_carry_a_problem_and_do_nothing(body: str, problem: str) -> None:
    (d,) = scan(f"{comment('yaml', body)}\n", "yaml")
    assert d.problem is not None and problem in d.problem
    assert not d.active


def test_lines_count_like_the_line_index_with_crlf_and_lone_cr() -> None:
    text = "a\r\nb\rc\n# okrlint: ignore[K203]\n"
    (d,) = scan(text, "text")
    assert d.line == 4
    assert text[d.start : d.end] == "okrlint: ignore[K203]"


def test_mask_blanks_directives_and_keeps_offsets() -> None:
    text = "Objective: Grow\n- Publish 4 posts  # okrlint: ignore[K204]\n# okrlint: file-ignore[S301]\n"
    masked = mask(text, "text")
    assert len(masked) == len(text)
    assert "okrlint" not in masked
    assert masked.splitlines()[1].rstrip() == "- Publish 4 posts"
    assert mask(text, "json") == text


def test_mask_leaves_html_comments_to_the_markdown_reader() -> None:
    """Blanking the opener of a multi-line comment would turn the lines it hides into content."""
    text = "<!-- okrlint: not a directive\n## Hidden objective\n-->\n# Real objective\n"
    assert mask(text, "markdown") == text


def test_directive_comments_never_become_statements() -> None:
    """The readers read masked text: a directive line is not an objective, a trailing one not part of a KR."""
    from okrlint.readers import read_document

    text = "# okrlint: file-ignore[S301]\nGrow our community\n- Publish 4 posts a week  # okrlint: ignore[K204]\n"
    csv = "objective,key_result\n# okrlint: file-ignore[S301]\nGrow our community,Publish 4 posts a week\n"
    for source, fmt in ((text, "text"), (csv, "csv")):
        texts = [s.text for s in read_document(source, format=fmt).statements()]
        assert texts == ["Grow our community", "Publish 4 posts a week"], fmt


@settings(max_examples=300, deadline=None)
@given(body=st.text(max_size=80), fmt=st.sampled_from(FORMATS))
def test_scanner_never_raises_on_arbitrary_comment_text(body: str, fmt: str) -> None:
    text = f"Grow our community\n{comment(fmt, body)}\n- Publish 4 posts a week\n"
    found = scan(text, fmt)
    for d in found:
        assert 0 <= d.start <= d.end <= len(text)
        assert 1 <= d.line <= text.count("\n") + text.count("\r") + 1
        assert d.active == (d.problem is None)  # a directive either works or says why not
        for s in d.selectors:
            assert text[s.start : s.end] == s.text
    masked = mask(text, fmt)
    assert len(masked) == len(text)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200), fmt=st.sampled_from(FORMATS))
def test_scanner_never_raises_on_arbitrary_files(text: str, fmt: str) -> None:
    scan(text, fmt)
    assert len(mask(text, fmt)) == len(text)
