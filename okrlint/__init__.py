"""okrlint: lint drafted OKRs."""
