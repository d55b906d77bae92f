"""The language server: okrlint's findings as editor diagnostics, quick fixes and hovers (pygls, stdio)."""
