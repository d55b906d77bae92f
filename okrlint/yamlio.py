"""Loading okrlint's own YAML data (rules, lexicons, corpus) with libyaml when it is there: several times faster
than the pure-Python parser, which matters for the cold start of every `okrlint` run. Safe loading only."""

from __future__ import annotations

from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_LOADER)
