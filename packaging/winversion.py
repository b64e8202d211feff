"""Windows version resource for qrcashier.exe, generated from qrcashier.__version__.

The spec writes `version_info_text(read_version(root))` to PyInstaller's work folder and
passes the file as EXE(version=...). Pure string work (no PyInstaller import) so it is
unit-testable anywhere; PyInstaller evaluates the text with its versioninfo classes.
"""

from __future__ import annotations

import re
from pathlib import Path

COMPANY = "QR Cashier"
PRODUCT = "QR Cashier"
DESCRIPTION = "QR Cashier - Mercado Pago in-store QR payments"
EXE_NAME = "qrcashier.exe"

_VERSION = re.compile(r"""^__version__\s*=\s*["']([^"']+)["']""", re.MULTILINE)


def read_version(root: Path) -> str:
    """qrcashier.__version__, read from app/qrcashier/__init__.py without importing the app."""
    text = (Path(root) / "app" / "qrcashier" / "__init__.py").read_text(encoding="utf-8")
    match = _VERSION.search(text)
    if match is None:
        raise ValueError("no __version__ in app/qrcashier/__init__.py")
    return match.group(1)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """'1.2.3' -> (1, 2, 3, 0); '0.1.0rc1' -> (0, 1, 0, 0). Four 16-bit numbers, as Windows wants."""
    numbers = []
    for part in version.split(".")[:4]:
        digits = re.match(r"\d+", part)
        numbers.append(min(int(digits.group(0)), 0xFFFF) if digits else 0)
    while len(numbers) < 4:
        numbers.append(0)
    return tuple(numbers)  # type: ignore[return-value]


def version_info_text(version: str, year: int = 2026) -> str:
    """The text form of a VSVersionInfo (the format pyi-grab_version writes)."""
    nums = version_tuple(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": "qrcashier",
        "LegalCopyright": f"(c) {year} {COMPANY} contributors",
        "OriginalFilename": EXE_NAME,
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    table = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={nums!r},
    prodvers={nums!r},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [{table}])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
