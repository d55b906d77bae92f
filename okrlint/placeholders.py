"""The visible placeholders okrlint writes into rewrites ("from <baseline> to <target>"): numbers and people the
author has not decided yet. Readers keep them as text (they look like HTML tags), so that a rewrite pasted into a
file reads back exactly as it was offered."""

from __future__ import annotations

import re

NAMES = ("baseline", "target", "number", "who", "n", "x")
# A phrase the author must choose ("<the change in what customers do>", "<what you need to learn>"): it opens
# with a determiner or a question word, and holds no "=" (an HTML tag with attributes does: <a href="…">).
PHRASE = r"<(?:the|a|an|what|who|how|which) [^<>=]+>"
# A placeholder, so that a pattern can refuse to treat one as markup.
PATTERN = r"<(?:" + "|".join(NAMES) + r")>|" + PHRASE


_ANY = re.compile(PATTERN)


def strip(text: str) -> str:
    """The text without its placeholders: what the rewrite itself says."""
    return _ANY.sub(" ", text)
