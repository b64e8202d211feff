"""The product catalog: SQLite, no Qt. Barcode/code lookup, type-ahead search, CSV import.

The CSV import's names load on first use (PEP 562, as in qrcashier.checkout): the window
needs `Catalog` and `Product` for its first paint, not the importer."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from qrcashier.catalog.barcodes import gtin_check_digit, valid_gtin
from qrcashier.catalog.store import Catalog, Product, demo_catalog_path

if TYPE_CHECKING:
    from qrcashier.catalog.csv_import import ImportReport, RejectedRow, parse_csv

_LAZY = {"ImportReport", "RejectedRow", "parse_csv"}

__all__ = [
    "Catalog",
    "ImportReport",
    "Product",
    "RejectedRow",
    "demo_catalog_path",
    "gtin_check_digit",
    "parse_csv",
    "valid_gtin",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module("qrcashier.catalog.csv_import"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'qrcashier.catalog' has no attribute {name!r}")
