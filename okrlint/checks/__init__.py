"""Detection functions, one per rule, reading StatementAnalysis only (never positions or raw tokens).

A check receives a scope unit and a CheckContext and yields Hits: statement-relative spans plus template
variables. The engine turns hits into findings (positions, severity, message, suppression).
"""
