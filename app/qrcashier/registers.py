"""Several registers of one store: `--register NAME` and `--sandbox-url URL` (issue 19 item 1).

A register NAME is 1 to 20 letters and digits (`CAJA2`) or just a number (`2`, meaning
`CAJA2`). It is the register's POS external id on Mercado Pago (created on first use on the
same store, as setup does), its register id (the first segment of every reference), and its
trailing number is the point-of-sale number printed on receipts as `PPPPP-NNNNNNNN` (a name
without a number is point of sale 1). Without `--data-dir`, each register keeps its data (journal,
catalog, logs) in its own folder under the data folder, `registers/NAME`, so two registers on
one PC never share a journal.

`--sandbox-url` points the app at a standalone `qrcashier-sandbox` (another process or PC)
instead of starting the embedded one. Qt-free and network-free: only parsing and naming.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

REGISTER_NAME = re.compile(r"^[A-Za-z0-9]{1,20}$")
TRAILING_NUMBER = re.compile(r"(\d+)$")
REGISTERS_FOLDER = "registers"
MAX_POS_NUMBER = 99999


def check_register_name(text: str) -> str:
    """The register's canonical name (`2` → `CAJA2`, `caja3` → `CAJA3`), or ValueError."""
    name = text.strip()
    if not REGISTER_NAME.match(name):
        raise ValueError(f"a register name is 1 to 20 letters and digits (e.g. CAJA2), not {text!r}")
    if name.isdigit():
        name = f"CAJA{int(name)}"
    if pos_number(name) > MAX_POS_NUMBER:
        raise ValueError(f"a register's number is at most {MAX_POS_NUMBER}")
    return name.upper()


def pos_number(name: str) -> int:
    """The point-of-sale number a register name carries (`CAJA3` → 3); 1 when it has none (or 0)."""
    match = TRAILING_NUMBER.search(name)
    number = int(match.group(1)) if match else 0
    return number or 1


def check_sandbox_url(text: str) -> str:
    """An http(s) URL of a `qrcashier-sandbox` (no path, query or credentials), without a trailing /."""
    url = text.strip().rstrip("/")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise ValueError(f"the sandbox URL {text!r} is not a valid URL") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"the sandbox URL is http://HOST:PORT (as qrcashier-sandbox prints it), not {text!r}")
    if parts.username or parts.password or parts.query or parts.fragment or parts.path not in ("", "/"):
        raise ValueError("the sandbox URL has only a scheme, a host and a port")
    del port
    return url


@dataclass(frozen=True)
class RegisterChoice:
    """What `--register NAME` sets on the app's Options."""

    name: str
    pos_number: int

    @classmethod
    def named(cls, text: str) -> RegisterChoice:
        name = check_register_name(text)
        return cls(name, pos_number(name))

    @property
    def pos_external_id(self) -> str:
        return self.name

    @property
    def register_id(self) -> str:
        return self.name

    @property
    def pos_name(self) -> str:
        """The POS's display name on Mercado Pago: `CAJA3` → `Caja 3`, `FRENTE` → `Frente`."""
        match = TRAILING_NUMBER.search(self.name)
        stem = self.name[: match.start()] if match else self.name
        stem = stem.capitalize() or "Caja"
        return f"{stem} {int(match.group(1))}" if match else stem

    def data_dir(self, base: Path) -> Path:
        """The register's own data folder under the data folder."""
        return base / REGISTERS_FOLDER / self.name


class RemoteSandbox:
    """A standalone `qrcashier-sandbox` the app talks to over HTTP (what `Services.sandbox` holds
    instead of the embedded server): it has a base URL and nothing to stop."""

    embedded = False

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    async def close(self) -> None:
        """Nothing to stop: the sandbox belongs to its own process (and the other registers)."""
