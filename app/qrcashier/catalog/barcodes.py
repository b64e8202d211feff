"""GTIN (EAN-8, UPC-A, EAN-13, GTIN-14) check digits: a mistyped or misread barcode is refused."""

from __future__ import annotations

GTIN_LENGTHS = frozenset({8, 12, 13, 14})


def gtin_check_digit(body: str) -> int:
    """The check digit for the digits before it (weights 3,1,3,... from the right)."""
    if not body.isdigit():
        raise ValueError("a GTIN body is digits only")
    digits = [ord(c) - 48 for c in body]
    total = 3 * sum(digits[-1::-2]) + sum(digits[-2::-2])
    return (10 - total % 10) % 10


def valid_gtin(code: str) -> bool:
    return (
        code.isascii()
        and code.isdigit()
        and len(code) in GTIN_LENGTHS
        and gtin_check_digit(code[:-1]) == int(code[-1])
    )
