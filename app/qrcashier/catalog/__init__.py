"""The product catalog: SQLite, no Qt. Barcode/code lookup, type-ahead search, CSV import."""

from .barcodes import gtin_check_digit, valid_gtin
from .csv_import import ImportReport, RejectedRow, parse_csv
from .store import Catalog, Product, demo_catalog_path

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
