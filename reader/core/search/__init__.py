"""Search engines behind one interface: the interface, its records and the engines by name.

Importing this package imports no engine; `registry.make_backend` loads the one configured.
"""

from reader.core.search.backend import CountField, IndexBusyError, IndexStream, SearchBackend, Sort
from reader.core.search.records import (
    MARK_END,
    MARK_START,
    Analysed,
    Filters,
    Hit,
    IndexDoc,
    Results,
    Rows,
)

__all__ = [
    "MARK_END",
    "MARK_START",
    "Analysed",
    "CountField",
    "Filters",
    "Hit",
    "IndexBusyError",
    "IndexDoc",
    "IndexStream",
    "Results",
    "Rows",
    "SearchBackend",
    "Sort",
]
