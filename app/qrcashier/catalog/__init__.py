"""The product catalog: SQLite, no Qt. Barcode/code lookup, type-ahead search, CSV import."""

from qrcashier.catalog.barcodes import gtin_check_digit, valid_gtin
from qrcashier.catalog.csv_import import ImportReport, RejectedRow, parse_csv
from qrcashier.catalog.store import Catalog, Product, demo_catalog_path

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
