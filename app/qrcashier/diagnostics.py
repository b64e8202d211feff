"""Diagnostics: what support needs to know about this register, and a support bundle. No Qt.

    report = gather(version=..., qt_version=..., api_generation="instore_v2", ...,
                    live_attempts=await engine.attempts(states=LIVE_STATES), ...)
    report.as_text()                       # "Copy to clipboard" (English, for support)
    summary = journal_summary(journal_path) # read-only; works when the engine never started
    build_bundle(target_zip, report=report, data_dir=folder, settings=plain_dict,
                 secrets=[token_value])     # logs + journal summary + settings, redacted

Everything is built from plain inputs (the UI gathers them from the engine, the settings
and the token store) so this module is testable without a window.

Redaction (`Redactor`) runs over **every** member of the bundle before it is written, and
the bundle is read back and refused if a secret survived:

- access tokens: anything shaped `APP_USR-…`, `TEST-…`, `SANDBOX-…`; `Bearer …` values and
  `Authorization:` headers; and the actual token values passed in (raw and URL-quoted);
- personal data: e-mail addresses; `payer` / `identification` / `phone` objects in JSON or
  Python reprs; first/last/full names; phone numbers written with a leading `+` or after a
  word like "phone"/"tel"/"celular"; DNI/CPF/CUIT/RUT-shaped numbers (with their dots and
  dashes, or after a word like "dni"/"cpf"); payer ids after "payer"/"buyer".

Mercado Pago's own ids (payments, merchant orders, the merchant's user id), references and
amounts are kept: support needs them to find a sale.
"""

from __future__ import annotations

import base64
import contextlib
import json
import platform
import re
import sqlite3
import sys
import urllib.parse
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from qrcashier.mercadopago.secret import TOKEN_SHAPE
from qrcashier.paths import private_file

LOG_FILE = "qrcashier.log"  # as ui/shell/app.py names it; rotated copies are .1 ... .5
JOURNAL_FILE = "journal.sqlite3"
LAST_ATTEMPTS = 50
LAST_AUDIT = 100
MAX_LOG_BYTES = 8_000_000  # all log files together; the newest are kept first
# The states an attempt is "live" in, and the one a supervisor must settle (domain/sale.py).
LIVE_STATE_NAMES = ("created", "publishing", "waiting", "unknown", "cancel_requested")
REVIEW_STATE_NAME = "needs_review"

TOKEN_MARK = "[token]"
PERSONAL_MARK = "[personal]"

# --- redaction -------------------------------------------------------------------------------

_BEARER = re.compile(r"(?i)\b(bearer)(\s+|%20|\+)[A-Za-z0-9._~+/=\-]+")
_AUTH_HEADER = re.compile(
    r"""(?i)(\bauthorization["']?\s*[:=,]\s*["']?)(?:(?:bearer|basic|token)\s+)?(?:\[token\]|[^"'\s,}\]\[]+)"""
)
_ACCESS_TOKEN_KEY = re.compile(r"""(?i)(\baccess_token["']?\s*[:=]\s*["']?)[^"'\s,&}]+""")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
_EMAIL_ENCODED = re.compile(r"[A-Za-z0-9._%+\-]+%40[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
# A JSON or repr object under a personal key: {"payer": {...}} / {'identification': {...}}
_PERSONAL_OBJECT = re.compile(
    r"""(["'](?:payer|buyer|identification|phone|address|cardholder)["']\s*:\s*)\{[^{}]*\}""", re.IGNORECASE
)
_PERSONAL_VALUE = re.compile(
    r"""(["'](?:first_name|last_name|full_name|payer_name|buyer_name|name_on_card|payer_email|email"""
    r"""|phone|phone_number|payer_id|buyer_id|dni|cpf|cnpj|cuit|cuil|rut|rfc|curp|doc_number|document)["']\s*:\s*)"""
    r"""("[^"]*"|'[^']*'|-?\d+)""",
    re.IGNORECASE,
)
_PHONE_PLUS = re.compile(r"(?<![\w+])\+\d{1,3}(?:[\s.\-]?\(?\d{1,5}\)?){2,6}(?!\w)")
_PHONE_WORD = re.compile(
    r"(?i)\b(phone|tel|telefono|teléfono|telefone|celular|cel|whatsapp|movil|móvil)(\s*[:=#]?\s*)[\d\s().+\-]{6,}\d"
)
_ID_WORD = re.compile(
    r"(?i)\b(dni|cpf|cnpj|cuit|cuil|rut|rfc|curp|ci|nit|ruc|cc|documento|document|doc)\b(\s*(?:n[°º.o]?\s*)?[:=#]?\s*)"
    r"(?=[\w.\-/]*?\d)[A-Za-z0-9][\w.\-/]{4,}"
)
_PAYER_ID = re.compile(r"""(?i)\b(payer|buyer)([\s_]?id["']?\s*[:=]?\s*)\d{3,}""")
# DNI 12.345.678, CPF 123.456.789-09, RUT 12.345.678-K, CUIT 20-12345678-9, CNPJ 12.345.678/0001-90
_ID_SHAPE = re.compile(
    r"(?<![\w.,])(?:\d{1,3}\.\d{3}\.\d{3}(?:[/-][\dkK]{1,2}|/\d{4}-\d{2})?|\d{2}-\d{7,8}-\d)(?![\w.,])"
)
_MONEY_BEFORE = re.compile(r"(?:\$|R\$|S/|\$U|USD|ARS|BRL|MXN|CLP|COP|PEN|UYU)\s?$")


_PREFIX = re.compile(r"^\s*(?:APP_USR|TEST|SANDBOX)-", re.IGNORECASE)
# whitespace (a token split across lines) and the invisible characters that hide one from a plain search
_INVISIBLE = re.compile("[\\s\u00ad\u200b-\u200f\u2028-\u202f\u2060-\u2064\ufeff]+")
_BASE64_RUN = re.compile(r"[A-Za-z0-9+/_\-]{16,}={0,2}")


def _folded(text: str) -> str:
    return _INVISIBLE.sub("", text).casefold()


class Redactor:
    """Removes tokens and personal data from text (see the module docstring for what)."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        values: set[str] = set()
        for secret in secrets:
            secret = (secret or "").strip()
            if len(secret) < 6:  # too short to be a token; replacing it would eat ordinary words
                continue
            values.update({secret, urllib.parse.quote(secret, safe=""), urllib.parse.quote_plus(secret)})
        # longest first, so a value containing another is replaced whole
        self.secrets: tuple[str, ...] = tuple(sorted(values, key=len, reverse=True))
        # the secret part of each (no APP_USR- prefix), folded as _folded folds text, for leaks()
        self.parts: tuple[str, ...] = tuple(
            {_folded(_PREFIX.sub("", v)) for v in secrets if v and len(_folded(_PREFIX.sub("", v))) >= 6}
        )

    def __call__(self, text: str) -> str:
        return self.redact(text)

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, TOKEN_MARK)
        text = TOKEN_SHAPE.sub(TOKEN_MARK, text)
        text = _BEARER.sub(lambda m: f"{m.group(1)} {TOKEN_MARK}", text)
        text = _AUTH_HEADER.sub(lambda m: f"{m.group(1)}{TOKEN_MARK}", text)
        text = _ACCESS_TOKEN_KEY.sub(lambda m: f"{m.group(1)}{TOKEN_MARK}", text)
        text = _PERSONAL_OBJECT.sub(lambda m: f'{m.group(1)}"{PERSONAL_MARK}"', text)
        text = _PERSONAL_VALUE.sub(lambda m: f'{m.group(1)}"{PERSONAL_MARK}"', text)
        text = _EMAIL.sub(PERSONAL_MARK, text)
        text = _EMAIL_ENCODED.sub(PERSONAL_MARK, text)
        text = _PAYER_ID.sub(lambda m: f"{m.group(1)}{m.group(2)}{PERSONAL_MARK}", text)
        text = _ID_WORD.sub(lambda m: f"{m.group(1)}{m.group(2)}{PERSONAL_MARK}", text)
        text = _PHONE_WORD.sub(lambda m: f"{m.group(1)}{m.group(2)}{PERSONAL_MARK}", text)
        text = _PHONE_PLUS.sub(PERSONAL_MARK, text)
        text = _ID_SHAPE.sub(self._id_shape, text)
        return text

    def _hidden(self, text: str) -> bool:
        """A secret part present once case, whitespace and invisible characters are ignored, or in base64."""
        folded = _folded(text)
        views = [folded]
        compact = _INVISIBLE.sub("", text)
        for run in _BASE64_RUN.findall(compact):
            for decode in (base64.b64decode, base64.urlsafe_b64decode):
                with contextlib.suppress(ValueError):
                    views.append(_folded(decode(run + "=" * (-len(run) % 4)).decode("utf-8", errors="ignore")))
        # half the secret part (at least 16 characters) is a leak: redaction may have caught only the rest
        windows = {
            part[i : i + width]
            for part in self.parts
            for width in [min(len(part), max(16, len(part) // 2))]
            for i in range(len(part) - width + 1)
        }
        return any(window in view for window in windows for view in views)

    @staticmethod
    def _id_shape(m: re.Match[str]) -> str:
        if _MONEY_BEFORE.search(m.string[max(0, m.start() - 5):m.start()]):
            return m.group(0)  # "$ 12.345.678": an amount in pesos, not a DNI
        return PERSONAL_MARK

    def leaks(self, data: bytes) -> list[str]:
        """What of the secrets (or token-shaped text) is still in `data`: names only, never values."""
        found = []
        text = data.decode("utf-8", errors="replace")
        for i, secret in enumerate(self.secrets):
            if secret.encode() in data:
                found.append(f"secret #{i}")
        if self.parts and not found and self._hidden(text):
            found.append("a secret in another form (case, line break, invisible character or base64)")
        if TOKEN_SHAPE.search(text):
            found.append("a token-shaped value")
        if _EMAIL.search(text):
            found.append("an e-mail address")
        return found


# --- the report ------------------------------------------------------------------------------

@dataclass(frozen=True)
class AttemptLine:
    """An attempt as diagnostics shows it: no lines, no payer, nothing personal."""

    reference: str
    state: str
    amount: str
    created_at: str
    updated_at: str
    expires_at: str

    @classmethod
    def of(cls, attempt: Any) -> AttemptLine:
        return cls(
            reference=str(attempt.reference),
            state=str(getattr(attempt.state, "value", attempt.state)),
            amount=str(attempt.total),
            created_at=_iso(attempt.created_at),
            updated_at=_iso(attempt.updated_at),
            expires_at=_iso(attempt.expires_at),
        )


@dataclass(frozen=True)
class Report:
    version: str
    platform: str
    python_version: str
    qt_version: str
    pyside_version: str
    mode: str  # "sandbox" or "account"
    site: str
    api_generation: str
    qr_mode: str
    keyring_backend: str
    keyring_secure: bool
    last_contact: datetime | None
    generated_at: datetime
    live_attempts: tuple[AttemptLine, ...] = ()
    review_attempts: tuple[AttemptLine, ...] = ()
    journal_path: str = ""
    journal_size: int | None = None  # bytes, the database and its WAL; None: no journal yet
    data_dir: str = ""
    log_files: tuple[str, ...] = ()
    engine_ready: bool = False

    @property
    def pending(self) -> tuple[AttemptLine, ...]:
        """Attempts that still need something: live on the QR, or waiting for a supervisor."""
        return self.live_attempts + self.review_attempts

    def last_contact_text(self) -> str:
        if self.last_contact is None:
            return "never in this run"
        ago = (self.generated_at - self.last_contact).total_seconds()
        return f"{_iso(self.last_contact)} ({_ago(ago)})"

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["last_contact"] = None if self.last_contact is None else _iso(self.last_contact)
        data["generated_at"] = _iso(self.generated_at)
        return data

    def as_text(self) -> str:
        """The report for support (English: support reads it whatever the cashier's language)."""
        lines = [
            f"QR Cashier {self.version}",
            f"generated: {_iso(self.generated_at)}",
            f"platform: {self.platform} · Python {self.python_version} · Qt {self.qt_version}"
            f" · PySide6 {self.pyside_version}",
            f"mode: {self.mode} · site {self.site} · API {self.api_generation} ({self.qr_mode} QR)",
            f"keyring: {self.keyring_backend} ({'secure' if self.keyring_secure else 'NOT SECURE: token not saved'})",
            f"last successful contact with Mercado Pago: {self.last_contact_text()}",
            f"engine: {'ready' if self.engine_ready else 'not started'}",
            f"journal: {self.journal_path or '-'} ({human_size(self.journal_size)})",
            f"data folder: {self.data_dir or '-'}",
            f"log files: {', '.join(self.log_files) or 'none'}",
            f"pending attempts: {len(self.live_attempts)} live, {len(self.review_attempts)} needing review",
        ]
        for a in self.pending:
            lines.append(f"  {a.reference}  {a.state}  {a.amount}  created {a.created_at}  expires {a.expires_at}")
        return "\n".join(lines)


def gather(
    *,
    version: str,
    qt_version: str = "?",
    pyside_version: str = "?",
    mode: str = "sandbox",
    site: str = "",
    api_generation: str = "instore_v2",
    qr_mode: str = "static",
    keyring_backend: str = "?",
    keyring_secure: bool = False,
    last_contact: datetime | None = None,
    live_attempts: Iterable[Any] = (),
    review_attempts: Iterable[Any] = (),
    journal_path: str | Path | None = None,
    data_dir: str | Path | None = None,
    engine_ready: bool = False,
    now: datetime | None = None,
    platform_text: str | None = None,
    python_version: str | None = None,
) -> Report:
    """A report from plain inputs (the attempts are the engine's journal reads)."""
    journal = Path(journal_path) if journal_path else None
    folder = Path(data_dir) if data_dir else None
    return Report(
        version=version,
        platform=platform_text or f"{platform.system()} {platform.release()} ({sys.platform}, {platform.machine()})",
        python_version=python_version or platform.python_version(),
        qt_version=qt_version,
        pyside_version=pyside_version,
        mode=mode,
        site=site,
        api_generation=api_generation or "instore_v2",
        qr_mode=qr_mode or "static",
        keyring_backend=keyring_backend,
        keyring_secure=bool(keyring_secure),
        last_contact=last_contact,
        generated_at=now or datetime.now(UTC),
        live_attempts=tuple(AttemptLine.of(a) for a in live_attempts),
        review_attempts=tuple(AttemptLine.of(a) for a in review_attempts),
        journal_path=str(journal) if journal else "",
        journal_size=journal_size(journal) if journal else None,
        data_dir=str(folder) if folder else "",
        log_files=tuple(p.name for p in log_files(folder)) if folder else (),
        engine_ready=engine_ready,
    )


def journal_size(path: Path) -> int | None:
    """The journal's bytes on disk (the database, its WAL and shared memory); None if missing."""
    if not path.exists():
        return None
    total = 0
    for suffix in ("", "-wal", "-shm"):
        part = path.with_name(path.name + suffix)
        if part.exists():
            total += part.stat().st_size
    return total


def log_files(folder: Path) -> list[Path]:
    """The rotating log files in the data folder, newest first (qrcashier.log, .1, .2 ...)."""
    def order(p: Path) -> int:
        tail = p.name[len(LOG_FILE):].lstrip(".")
        return int(tail) if tail.isdigit() else 0

    def is_log(p: Path) -> bool:  # the live log or a numbered backup of it
        return p.is_file() and (p.name == LOG_FILE or p.name[len(LOG_FILE) + 1 :].isdigit())

    found = [p for p in folder.glob(LOG_FILE + "*") if is_log(p)]
    return sorted(found, key=order)


# --- the journal summary ---------------------------------------------------------------------

def journal_summary(path: str | Path, *, last: int = LAST_ATTEMPTS, audit: int = LAST_AUDIT) -> dict[str, Any]:
    """Counts per state, the last attempts and the audit trail, without personal data.

    Opens the journal read-only (its own connection; the journal is WAL, so this never
    blocks the engine), so it also works when the engine could not start."""
    path = Path(path)
    if not path.exists():
        return {"journal": str(path), "exists": False}
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
    db.row_factory = sqlite3.Row
    try:
        def all_(sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
            try:
                return db.execute(sql, params).fetchall()
            except sqlite3.OperationalError:  # an older schema without this table or column
                return []

        def count_by(table: str, column: str) -> dict[Any, int]:
            # Our own table and column names, never input: safe to format into the SQL.
            sql = f"SELECT {column}, COUNT(*) AS n FROM {table} GROUP BY {column} ORDER BY {column}"
            return {r[column]: r["n"] for r in all_(sql)}

        version = db.execute("PRAGMA user_version").fetchone()[0]
        states = count_by("attempts", "state")
        sales = count_by("sales", "status")
        refunds = count_by("refunds", "state")
        payments = count_by("payments", "status")
        receipts = count_by("receipts", "kind")
        unprinted = all_("SELECT COUNT(*) AS n FROM receipts WHERE printed_at IS NULL")
        attempts = [
            {
                "id": r["id"], "reference": r["reference"], "state": r["state"], "amount": r["total"],
                "gateway": r["gateway"], "created_at": r["created_at"], "updated_at": r["updated_at"],
                "expires_at": r["expires_at"], "message": r["message"],
                "payments": [p["mp_payment_id"] for p in all_(
                    "SELECT mp_payment_id FROM payments WHERE attempt_id = ? ORDER BY id", (r["id"],))],
            }
            for r in all_("SELECT * FROM attempts ORDER BY id DESC LIMIT ?", (last,))
        ]
        audit_rows = [
            {
                "id": r["id"], "at": r["at"], "action": r["action"],
                # who: "system" or a supervisor, never the supervisor's name
                "actor": "system" if r["actor"] == "system" else "supervisor",
                "sale_id": r["sale_id"], "attempt_id": r["attempt_id"], "payment_id": r["payment_id"],
                "refund_id": r["refund_id"],
                "has_reason": bool(r["reason"]),
                "detail_keys": _detail_keys(r["details"]),
            }
            for r in all_("SELECT * FROM audit ORDER BY id DESC LIMIT ?", (audit,))
        ]
    finally:
        db.close()
    return {
        "journal": str(path),
        "exists": True,
        "schema_version": version,
        "size_bytes": journal_size(path),
        "attempts_by_state": states,
        "live": sum(n for s, n in states.items() if s in LIVE_STATE_NAMES),
        "needs_review": states.get(REVIEW_STATE_NAME, 0),
        "sales_by_status": sales,
        "payments_by_status": payments,
        "refunds_by_state": refunds,
        "receipts_by_kind": receipts,
        "receipts_unprinted": unprinted[0]["n"] if unprinted else 0,
        f"last_{last}_attempts": attempts,
        f"last_{audit}_audit_rows": audit_rows,
    }


def _detail_keys(details: str | None) -> list[str]:
    if not details:
        return []
    try:
        value = json.loads(details)
    except ValueError:
        return ["(unreadable)"]
    return sorted(value) if isinstance(value, dict) else [type(value).__name__]


def summary_text(summary: Mapping[str, Any]) -> str:
    """The journal summary for people: counts first, then the last attempts one per line."""
    if not summary.get("exists"):
        return f"journal: {summary.get('journal')} (not created yet)"
    lines = [
        f"journal: {summary['journal']} (schema {summary['schema_version']}, {human_size(summary['size_bytes'])})",
        "attempts by state: " + _counts(summary["attempts_by_state"]),
        f"live: {summary['live']} · needs review: {summary['needs_review']}",
        "sales: " + _counts(summary["sales_by_status"]),
        "payments: " + _counts(summary["payments_by_status"]),
        "refunds: " + _counts(summary["refunds_by_state"]),
        "receipts: " + _counts(summary["receipts_by_kind"]) + f" · unprinted {summary['receipts_unprinted']}",
        "",
        "last attempts (newest first):",
    ]
    for key, value in summary.items():
        if key.startswith("last_") and key.endswith("_attempts"):
            for a in value:
                pays = ",".join(str(p) for p in a["payments"]) or "-"
                lines.append(
                    f"  {a['reference']:<28} {a['state']:<16} {a['amount']:>12}  {a['created_at']}"
                    f"  updated {a['updated_at']}  payments {pays}"
                )
        if key.startswith("last_") and key.endswith("_audit_rows"):
            lines += ["", "audit (newest first):"]
            for r in value:
                ids = " ".join(f"{k}={r[k]}" for k in ("sale_id", "attempt_id", "payment_id", "refund_id") if r[k])
                lines.append(f"  {r['at']}  {r['action']:<20} by {r['actor']:<10} {ids}")
    return "\n".join(lines)


def _counts(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items()) or "none"


# --- settings --------------------------------------------------------------------------------

# Keys never copied, whatever their value: secrets and the names of people.
SECRET_KEYS = re.compile(r"(?i)(token|secret|password|pin_hash|pin\b|lockout|last_name|nickname|email|phone)")


def settings_without_secrets(settings: Mapping[str, Any]) -> dict[str, Any]:
    """The settings for the bundle: secret and personal keys dropped, values redacted later."""
    clean: dict[str, Any] = {}
    for key in sorted(settings):
        if SECRET_KEYS.search(key):
            clean[key] = "[removed]"
            continue
        value = settings[key]
        clean[key] = value if isinstance(value, (bool, int, float)) or value is None else str(value)
    return clean


# --- the bundle ------------------------------------------------------------------------------

class BundleLeak(RuntimeError):
    """A secret survived redaction: the bundle was deleted, nothing was exported."""


def build_bundle(
    target: str | Path,
    *,
    report: Report,
    data_dir: str | Path | None,
    journal_path: str | Path | None = None,
    settings: Mapping[str, Any] | None = None,
    secrets: Iterable[str] = (),
    extra: Mapping[str, str] | None = None,
) -> Path:
    """Write the support bundle ZIP to `target` and return its path.

    Members: README.txt, report.txt/.json, journal-summary.txt/.json, settings.json and
    logs/<each rotating log file>. Every member is redacted; the written ZIP is read back
    and every byte of every member is checked for the secrets (`BundleLeak` otherwise)."""
    target = Path(target)
    redactor = Redactor(secrets)
    members: list[tuple[str, str]] = []
    summary = journal_summary(journal_path) if journal_path else {"exists": False, "journal": None}
    members.append(("report.txt", report.as_text() + "\n"))
    members.append(("report.json", json.dumps(report.as_dict(), indent=2, ensure_ascii=False, default=str) + "\n"))
    members.append(("journal-summary.txt", summary_text(summary) + "\n"))
    members.append(("journal-summary.json", json.dumps(summary, indent=2, ensure_ascii=False, default=str) + "\n"))
    members.append(("settings.json", json.dumps(settings_without_secrets(settings or {}), indent=2,
                                                ensure_ascii=False, default=str) + "\n"))
    for name, text in (extra or {}).items():
        members.append((name, text))
    budget = MAX_LOG_BYTES
    logs = log_files(Path(data_dir)) if data_dir else []
    skipped = []
    for log in logs:
        try:
            raw = log.read_bytes()
        except OSError as exc:
            skipped.append(f"{log.name}: {exc.strerror or exc}")
            continue
        if len(raw) > budget:
            raw = raw[-budget:] if budget > 0 else b""
            skipped.append(f"{log.name}: cut to its last {budget} bytes")
        budget -= len(raw)
        if raw:
            members.append((f"logs/{log.name}", raw.decode("utf-8", errors="replace")))
    readme = [
        "QR Cashier support bundle",
        f"made: {_iso(report.generated_at)}",
        "",
        "report.txt / report.json      version, platform, API, keyring, last contact, pending attempts",
        "journal-summary.txt / .json   counts per state, the last attempts, the audit trail (no names)",
        "settings.json                 this register's settings, without secrets",
        "logs/                         the app's log files",
        "",
        "Access tokens, e-mail addresses, names, phone numbers and identity numbers were",
        f"replaced with {TOKEN_MARK} and {PERSONAL_MARK} in every file.",
    ]
    if not logs:
        readme.append("\nNo log files were found in the data folder.")
    if skipped:
        readme += ["", "log files not copied whole:", *(f"  {s}" for s in skipped)]
    members.insert(0, ("README.txt", "\n".join(readme) + "\n"))

    target.parent.mkdir(parents=True, exist_ok=True)
    partial = private_file(target.with_name(target.name + ".part"))  # 0600 before a byte is written
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, text in members:
            zf.writestr(f"qrcashier-support/{name}", redactor(text).encode("utf-8"))
    problems = scan_bundle(partial, redactor)
    if problems:
        partial.unlink(missing_ok=True)
        raise BundleLeak("a secret survived redaction in " + ", ".join(problems))
    partial.replace(target)
    return target


def scan_bundle(path: str | Path, redactor: Redactor) -> list[str]:
    """Members of the ZIP at `path` in which a secret (or token-shaped text) is left: names only."""
    found = []
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            leaks = redactor.leaks(zf.read(info))
            if leaks:
                found.append(f"{info.filename} ({', '.join(leaks)})")
    return found


def bundle_name(now: datetime | None = None) -> str:
    now = (now or datetime.now()).astimezone()
    return f"qrcashier-support-{now:%Y%m%d-%H%M%S}.zip"


# --- small helpers ---------------------------------------------------------------------------

def _iso(moment: datetime | None) -> str:
    if moment is None:
        return "-"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _ago(seconds: float) -> str:
    seconds = max(0, int(seconds))
    if seconds < 60:
        return f"{seconds} s ago"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    return f"{seconds // 3600} h {seconds % 3600 // 60} min ago"


def human_size(size: int | None) -> str:
    if size is None:
        return "not created yet"
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"
