"""The store's address: a DSN (`postgresql://user@host:5432/store`, `host=... dbname=...`) or a
libpq service name (`service=store` or just `store`). The password never travels in one: it
comes from the keyring (service "QRCashier-store", account = `key(dsn)`), else from libpq's own
places (PGPASSWORD, ~/.pgpass, the service file). `redact` is the only form that is logged."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

KEYRING_SERVICE = "QRCashier-store"
_URL_PASSWORD = re.compile(r"^(postgres(?:ql)?://[^:@/]*):[^@/]*@")
_KV_PASSWORD = re.compile(r"(?i)\bpassword\s*=\s*('(?:[^'\\]|\\.)*'|\S+)")


class StoreAddressError(ValueError):
    """The DSN cannot be read; the message is one sentence and never contains a password."""


log = logging.getLogger("qrcashier.store")

def redact(dsn: str) -> str:
    """The DSN with any password replaced by ***: what logs, errors and the status bar show."""
    return _KV_PASSWORD.sub("password=***", _URL_PASSWORD.sub(r"\1:***@", dsn.strip()))


def conninfo(dsn: str) -> str:
    """A libpq conninfo from a DSN, a URL or a bare service name."""
    text = dsn.strip()
    if not text:
        raise StoreAddressError("The store address is empty: give a PostgreSQL DSN or a libpq service name.")
    if "=" not in text and "://" not in text:
        if not re.fullmatch(r"[A-Za-z0-9_.-]+", text):
            raise StoreAddressError(f"{redact(text)!r} is neither a PostgreSQL DSN nor a libpq service name.")
        return f"service={text}"
    return text


def parts(dsn: str) -> dict[str, str]:
    from psycopg.conninfo import conninfo_to_dict

    try:
        return {k: str(v) for k, v in conninfo_to_dict(conninfo(dsn)).items()}
    except StoreAddressError:
        raise
    except Exception:
        raise StoreAddressError(f"The store address {redact(dsn)!r} is not a valid PostgreSQL DSN.") from None


def key(dsn: str) -> str:
    """The keyring account for a DSN: user@host:port/dbname (or service=NAME), never the password."""
    p = parts(dsn)
    if "service" in p and "host" not in p:
        return f"service={p['service']}" + (f"/{p['user']}" if "user" in p else "")
    return f"{p.get('user', '')}@{p.get('host', 'localhost')}:{p.get('port', '5432')}/{p.get('dbname', '')}"


@dataclass(frozen=True)
class StoreAddress:
    """What connects: the conninfo (without a password) and the password apart, never repr'd."""

    dsn: str
    password: str | None = field(default=None, repr=False)

    @property
    def shown(self) -> str:
        return redact(self.dsn)

    def kwargs(self) -> dict[str, str]:
        return {"password": self.password} if self.password else {}


def from_keyring(dsn: str, backend: object | None) -> StoreAddress:
    """The address with its password from `backend` (a keyring backend; None: libpq's own places)."""
    conninfo(dsn)
    password = None
    if backend is not None:
        try:
            password = backend.get_password(KEYRING_SERVICE, key(dsn))  # type: ignore[attr-defined]
        except StoreAddressError:
            raise
        except Exception as exc:  # no usable keyring: libpq's own means (a .pgpass, a service file) still apply
            log.warning("the store password could not be read from the keyring (%s)", type(exc).__name__)
            password = None
    return StoreAddress(dsn, password)


def save_password(dsn: str, password: str, backend: object) -> None:
    backend.set_password(KEYRING_SERVICE, key(dsn), password)  # type: ignore[attr-defined]
