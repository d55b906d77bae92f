"""The wheel carries rules/ and corpus/ as package data, and an installed okrlint finds them there."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(REPO)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(
            f"could not build the wheel here (no access to the build backend?): {result.stderr[-300:]}"
        )
    (built,) = out.glob("okrlint-*.whl")
    return built


def test_wheel_contains_rules_lexicons_and_corpus(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("okrlint/_data/rules/key_result/K203-") for n in names)
    assert "okrlint/_data/rules/lexicons/verbs.yaml" in names
    assert "okrlint/_data/corpus/examples.yaml" in names
    assert "okrlint/templates/report.html.j2" in names
    assert "okrlint/templates/report.js" in names  # the HTML report's filter, inlined by hash
    assert "okrlint/_data/corpus/bibliography.yaml" in names  # guide titles
    # The rule pages the language server links diagnostics to.
    assert any(n.startswith("okrlint/_data/docs/rules/K203-") for n in names)


def test_installed_package_finds_its_data(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = (
        "import okrlint, okrlint.resources as r;"
        "from okrlint.registry import all_rules; from okrlint.corpus import load_corpus;"
        "print(okrlint.__file__); print(r.rules_dir()); print(len(all_rules()), len(load_corpus()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": ""},
    )
    module_file, rules_dir, counts = result.stdout.splitlines()
    assert module_file.startswith(str(site))  # the unpacked wheel, not the source tree
    assert rules_dir.startswith(str(site / "okrlint" / "_data"))
    n_rules, n_examples = map(int, counts.split())
    assert n_rules >= 30 and n_examples >= 40
