"""The sealed third of the external labels: chosen by source domain with a fixed hash, before development.

A row is sealed when the SHA-256 of its source's domain (lower case, without "www.") is 0 modulo 3. Whole
sources go one way, so no guide's phrasing is seen in development and then scored again in the sealed part.
Develop on `dev_rows`; report `sealed_rows` once, at the end.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import urlparse

EXTERNAL_LABELS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "external_dev.jsonl"


def source_domain(url: str) -> str:
    host = urlparse(url).netloc.lower() or url.lower()
    return host.removeprefix("www.")


def is_sealed(row: dict) -> bool:
    digest = hashlib.sha256(source_domain(row.get("source") or "").encode()).digest()
    return int.from_bytes(digest[:8], "big") % 3 == 0


def load_rows(path: Path = EXTERNAL_LABELS) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def dev_rows(path: Path = EXTERNAL_LABELS) -> list[dict]:
    return [row for row in load_rows(path) if not is_sealed(row)]


def sealed_rows(path: Path = EXTERNAL_LABELS) -> list[dict]:
    return [row for row in load_rows(path) if is_sealed(row)]
