"""Ctrl-C: one line on standard error and exit code 130 (128 + SIGINT, as shells report it), no traceback."""

from __future__ import annotations

import sys
from typing import Any

import click

EXIT_INTERRUPTED = 130


class InterruptibleGroup(click.Group):
    """A command group whose commands end quietly on Ctrl-C (click would print "Aborted!" and exit 1, the code
    that means "findings")."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("okrlint: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
