"""Reading a product CSV into valid products and a per-row rejection report.

Accepted layout: a header row naming the columns, in any order, in English or
Spanish (`code|codigo|sku`, `barcode|ean|codigo_barras`, `name|nombre|descripcion`,
`price|precio`, `unit|unidad`, and the VAT rate `vat|iva|tax_rate|alicuota`, one of
the site's rates, `domain.vat`; empty: the site's standard rate). Comma or semicolon separated (spreadsheets in
Argentina save with `;`), UTF-8 (with or without BOM) or Windows-1252. Prices
are read as the site writes them (`money.parse_amount`: "1.000" is a thousand
pesos in MLA; more decimals than the currency has is refused). Each physical
line is one row: a quote left open never swallows the lines after it. Every row
that is not imported is reported with its line number, the reason, and the text
of the line, so the installer can fix the file and import again.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from qrcashier.catalog.barcodes import valid_gtin
from qrcashier.domain.money import InvalidAmount, Site, parse_amount
from qrcashier.domain.vat import InvalidRate, parse_rate

CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,31}$")
MAX_NAME = 120
UNITS = {
    "unit": "unit", "u": "unit", "un": "unit", "unidad": "unit", "ud": "unit", "": "unit",
    "kg": "kg", "kilo": "kg", "kilogramo": "kg",
    "g": "g", "gr": "g", "gramo": "g",
    "l": "l", "lt": "l", "litro": "l",
    "m": "m", "metro": "m",
}
ALIASES = {
    "code": "code", "codigo": "code", "sku": "code", "cod": "code", "plu": "code",
    "barcode": "barcode", "ean": "barcode", "ean13": "barcode", "gtin": "barcode",
    "codigo_barras": "barcode", "codigo_de_barras": "barcode", "upc": "barcode",
    "name": "name", "nombre": "name", "descripcion": "name", "description": "name", "producto": "name",
    "price": "price", "precio": "price", "unit_price": "price", "precio_unitario": "price",
    "unit": "unit", "unidad": "unit", "unit_measure": "unit", "medida": "unit",
    "vat": "vat", "iva": "vat", "vat_rate": "vat", "tax_rate": "vat", "alicuota": "vat", "alicuota_iva": "vat",
    "tasa_iva": "vat", "igv": "vat", "tax": "vat",
}
REQUIRED = ("code", "name", "price")


@dataclass(frozen=True)
class ParsedProduct:
    code: str
    name: str
    price: Decimal
    unit: str
    barcode: str | None
    vat_rate: Decimal | None = None


@dataclass(frozen=True)
class RejectedRow:
    line: int  # 1-based line number in the file (the header is line 1)
    reason: str
    text: str  # the row as read, for the report


@dataclass
class ImportReport:
    read: int = 0  # data rows read
    added: int = 0
    updated: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    error: str | None = None  # the whole file was refused (no header, wrong columns, unreadable)

    @property
    def ok(self) -> bool:
        return self.error is None

    def summary(self) -> str:
        if self.error:
            return f"Nothing imported: {self.error}"
        text = f"{self.read} rows read: {self.added} added, {self.updated} updated, {len(self.rejected)} rejected."
        return text

    def details(self, limit: int = 50) -> str:
        lines = [self.summary()]
        for r in self.rejected[:limit]:
            lines.append(f"  line {r.line}: {r.reason} — {r.text}")
        if len(self.rejected) > limit:
            lines.append(f"  … and {len(self.rejected) - limit} more")
        return "\n".join(lines)


def _header_key(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", text.strip().lower()).strip("_")


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _delimiter(first_line: str) -> str:
    return ";" if first_line.count(";") > first_line.count(",") else ","


def _row(line: str, delimiter: str) -> list[str]:
    """One physical line as cells; strict, so a quote left open is an error, not a multi-line field."""
    return next(csv.reader([line], delimiter=delimiter, strict=True), [])


def parse_csv(text: str, site: Site) -> tuple[list[tuple[int, ParsedProduct]], ImportReport]:
    """Parse the CSV text. Returns the valid products with their line numbers, and the report.

    The report's `added`/`updated` are left for the catalog to fill in.
    """
    report = ImportReport()
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        report.error = "the file is empty or has no header row"
        return [], report
    delimiter = _delimiter(lines[0])
    try:
        header = _row(lines[0], delimiter)
    except csv.Error as exc:
        report.error = f"the header row cannot be read ({exc})"
        return [], report
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        key = ALIASES.get(_header_key(name))
        if key and key not in columns:
            columns[key] = index
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        report.error = (
            f"the header has no {', '.join(missing)} column "
            f"(found: {', '.join(h.strip() for h in header) or 'nothing'})"
        )
        return [], report

    products: list[tuple[int, ParsedProduct]] = []
    seen_codes: dict[str, int] = {}
    seen_barcodes: dict[str, int] = {}
    for line, physical in enumerate(lines[1:], start=2):
        if not physical.strip():
            continue  # blank lines are not rows
        try:
            row = _row(physical, delimiter)
        except csv.Error as exc:
            report.read += 1
            report.rejected.append(RejectedRow(line, f"unreadable row ({exc})", physical[:200]))
            continue
        if not any(cell.strip() for cell in row):
            continue  # a row of empty cells is not a row either
        report.read += 1
        raw = ";".join(row)[:200]
        checked = _product(row, columns, site)
        if isinstance(checked, str):
            report.rejected.append(RejectedRow(line, checked, raw))
            continue
        if checked.code in seen_codes:
            repeated = f"code {checked.code!r} repeats line {seen_codes[checked.code]}"
            report.rejected.append(RejectedRow(line, repeated, raw))
            continue
        if checked.barcode is not None and checked.barcode in seen_barcodes:
            repeated = f"barcode {checked.barcode} repeats line {seen_barcodes[checked.barcode]}"
            report.rejected.append(RejectedRow(line, repeated, raw))
            continue
        seen_codes[checked.code] = line
        if checked.barcode is not None:
            seen_barcodes[checked.barcode] = line
        products.append((line, checked))
    return products, report


def _product(row: list[str], columns: dict[str, int], site: Site) -> ParsedProduct | str:
    """The row's product, or the reason it is refused."""

    def cell(key: str) -> str:
        i = columns.get(key)
        return row[i].strip() if i is not None and i < len(row) else ""

    code = cell("code")
    name = " ".join(cell("name").split())
    barcode = cell("barcode").replace(" ", "") or None
    unit_text = cell("unit").lower().rstrip(".")
    if not code:
        return "no code"
    if not CODE_RE.match(code):
        return f"code {code!r} must be 1-32 letters, digits, '-', '_' or '.'"
    if not name:
        return "no name"
    if len(name) > MAX_NAME:
        return f"name longer than {MAX_NAME} characters"
    try:
        price = parse_amount(cell("price"), site)
    except InvalidAmount as exc:
        return f"price: {exc}"
    if barcode is not None and not valid_gtin(barcode):
        return f"barcode {barcode!r} is not a valid EAN/UPC (length or check digit)"
    unit = UNITS.get(unit_text)
    if unit is None:
        return f"unknown unit {unit_text!r} (use unit, kg, g, l or m)"
    vat_rate = None
    if cell("vat"):
        try:
            vat_rate = parse_rate(cell("vat"), site)
        except InvalidRate as exc:
            return f"VAT rate: {exc}"
    return ParsedProduct(code, name, price, unit, barcode, vat_rate)
