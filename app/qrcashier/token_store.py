"""The access token's only home on disk: the operating system's credential store.

    choice = choose_backend()          # explicit per platform, never keyring's auto-detection
    store = TokenStore(choice, account="CAJA1")
    store.is_secure                    # False: nothing can be saved; `choice.warning` says why
    store.set(AccessToken(...))        # Windows Credential Manager / macOS Keychain / Secret Service
    store.get() -> AccessToken | None
    store.delete()

Why explicit (qt-notes §0.4, §3): keyring picks the highest-priority backend it can find
through entry points. On a headless Linux box with `keyrings.alt` installed that is a
*plain-text file*, silently; in a PyInstaller build the entry points are missing and it
is the `fail` backend. So the backend class is imported by name for the platform:

    Windows  keyring.backends.Windows.WinVaultKeyring   (Credential Manager)
    macOS    keyring.backends.macOS.Keyring             (login Keychain)
    Linux    keyring.backends.SecretService.Keyring     (GNOME Keyring, KeePassXC, ...)
             keyring.backends.libsecret.Keyring         (the same service through libsecret)
             keyring.backends.kwallet.DBusKeyring       (KWallet)

each only if it is viable right now (a running Secret Service, an unlocked wallet). When
none is, there is no fallback to a file: `is_secure` is False, `set()` raises
`NoSecureStore` with a sentence that says so, and the caller offers the alternatives in
`ALTERNATIVES` (start a credential service and check again; keep the token for this
session only, in memory; or hand it over through the `QRCASHIER_ACCESS_TOKEN` environment
variable, read and never written).

Tests inject a backend (`TokenStore(BackendChoice.injected(backend))`). Any backend from
`keyrings.alt`, and keyring's `null`/`fail`/`chainer` backends, is refused even then.

Entries: service "QRCashier", account = the register (profile) name. Only the short
access token is stored (Windows limits a credential to 2560 bytes).
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from qrcashier.mercadopago.secret import AccessToken

log = logging.getLogger("qrcashier.token_store")

SERVICE = "QRCashier"
DEFAULT_ACCOUNT = "default"
ENV_TOKEN = "QRCASHIER_ACCESS_TOKEN"
MAX_TOKEN_CHARS = 1000  # Windows: a credential blob holds 2560 bytes (UTF-16)

# (module, class, what the installer knows it as), tried in order for each platform.
PLATFORM_BACKENDS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "win32": (("keyring.backends.Windows", "WinVaultKeyring", "Windows Credential Manager"),),
    "darwin": (("keyring.backends.macOS", "Keyring", "the macOS Keychain"),),
    "linux": (
        ("keyring.backends.SecretService", "Keyring", "the Secret Service (GNOME Keyring, KeePassXC)"),
        ("keyring.backends.libsecret", "Keyring", "the Secret Service (libsecret)"),
        ("keyring.backends.kwallet", "DBusKeyring", "KWallet"),
    ),
}
# Never a home for a token: files on disk, or backends that store nothing or everything.
REFUSED_MODULES = ("keyrings.alt", "keyring.backends.null", "keyring.backends.fail", "keyring.backends.chainer")

ALTERNATIVES = (
    "Start the system's password store (on Linux: GNOME Keyring, KWallet or KeePassXC with its "
    "Secret Service turned on, inside a logged-in desktop session), then press Check again.",
    "Keep the token for this session only: it stays in memory and is asked for again at the next start.",
    f"Give the token to QR Cashier through the {ENV_TOKEN} environment variable (for example from the "
    "service manager that starts it); QR Cashier reads it and never writes it anywhere.",
    "Or try QR Cashier with the sandbox, which needs no token.",
)


class TokenStoreError(Exception):
    """The token could not be read, saved or removed. `user_message` is one sentence."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


class NoSecureStore(TokenStoreError):
    """There is no secure credential store on this computer: nothing was written."""


def _platform_key(platform: str) -> str:
    if platform.startswith("win"):
        return "win32"
    if platform == "darwin":
        return "darwin"
    return "linux"  # and the BSDs: the freedesktop services are what they have


def _refused(backend: object) -> bool:
    module = type(backend).__module__
    return any(module == m or module.startswith(m + ".") for m in REFUSED_MODULES)


@dataclass(frozen=True)
class BackendChoice:
    """The credential store chosen for this computer, or why there is none."""

    backend: object | None  # a keyring.backend.KeyringBackend
    name: str  # for people: "Windows Credential Manager", ...
    warning: str | None = None  # set when `backend` is None: what is missing, in plain words
    tried: tuple[str, ...] = ()  # "<backend>: <why not>", for the support text and the log

    @property
    def is_secure(self) -> bool:
        return self.backend is not None

    @classmethod
    def injected(cls, backend: object, name: str | None = None) -> BackendChoice:
        """A backend given by the caller (tests: the in-memory keyring). Plain-text ones are refused."""
        if _refused(backend):
            raise ValueError(f"{type(backend).__module__}.{type(backend).__name__} is not a secure store for a token")
        return cls(backend, name or type(backend).__name__)


def choose_backend(
    platform: str | None = None,
    *,
    importer: Callable[[str], object] = importlib.import_module,
) -> BackendChoice:
    """The platform's own credential store, chosen by name and only if it works right now."""
    key = _platform_key(platform or sys.platform)
    tried: list[str] = []
    for module_name, class_name, label in PLATFORM_BACKENDS[key]:
        try:
            cls = getattr(importer(module_name), class_name)
            if not cls.viable:
                try:
                    cls.priority  # noqa: B018 - raises with the reason it is not viable
                    reason = "not available"
                except Exception as exc:  # keyring backends say why in a RuntimeError
                    reason = str(exc) or type(exc).__name__
                tried.append(f"{label}: {reason}")
                continue
            backend = cls()
        except Exception as exc:  # an import error, a broken D-Bus: that store is not available
            tried.append(f"{label}: {type(exc).__name__}: {exc}")
            continue
        log.info("token store: %s (%s.%s)", label, module_name, class_name)
        return BackendChoice(backend, label, tried=tuple(tried))
    if key == "linux":
        warning = (
            "This computer has no secure password store running (no Secret Service or KWallet), "
            "so QR Cashier cannot save the access token; it will never save it in a plain file."
        )
    else:
        warning = (
            f"The system's password store ({PLATFORM_BACKENDS[key][0][2]}) cannot be used, so QR Cashier "
            "cannot save the access token; it will never save it in a plain file."
        )
    log.warning("no secure token store: %s", "; ".join(tried) or "none known for this platform")
    return BackendChoice(None, "none", warning, tuple(tried))


def backend_or_none() -> object | None:
    """The platform's credential store, or None where there is none (or choosing it failed, logged):
    a store password is then looked for only in the DSN and libpq's own places (.pgpass, a service file)."""
    try:
        return choose_backend().backend
    except Exception as exc:
        log.warning("no credential store for the store password: %s", type(exc).__name__)
        return None


class TokenStore:
    """get/set/delete the register's access token in the chosen store (see the module docstring)."""

    def __init__(
        self,
        choice: BackendChoice,
        account: str = DEFAULT_ACCOUNT,
        *,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        if choice.backend is not None and _refused(choice.backend):
            raise ValueError("a plain-text or null keyring backend is never used for the token")
        self.choice = choice
        self.account = (account or DEFAULT_ACCOUNT).strip() or DEFAULT_ACCOUNT
        self._environ = os.environ if environ is None else environ
        self._session: AccessToken | None = None  # "this session only": memory, never disk

    @classmethod
    def for_platform(cls, account: str = DEFAULT_ACCOUNT) -> TokenStore:
        return cls(choose_backend(), account)

    # --- what the screens say ---------------------------------------------------------------

    @property
    def is_secure(self) -> bool:
        return self.choice.is_secure

    @property
    def backend_name(self) -> str:
        return self.choice.name

    @property
    def warning(self) -> str | None:
        return self.choice.warning

    def where(self) -> str:
        """Where the current token lives, in words (never the token)."""
        if self._session is not None:
            return "kept in memory for this session only"
        if self.is_secure:
            try:
                if self._read_backend() is not None:
                    return f"saved in {self.backend_name}"
            except TokenStoreError:
                return f"in {self.backend_name}, which is locked"
        if self._environ.get(ENV_TOKEN, "").strip():
            return f"read from the {ENV_TOKEN} environment variable"
        return "not set"

    # --- get / set / delete -----------------------------------------------------------------

    def _read_backend(self) -> str | None:
        if self.choice.backend is None:
            return None
        try:
            return self.choice.backend.get_password(SERVICE, self.account)  # type: ignore[attr-defined]
        except Exception as exc:
            log.warning("reading the token from %s failed: %s", self.backend_name, type(exc).__name__)
            raise TokenStoreError(
                f"The access token could not be read from {self.backend_name}: unlock it and try again."
            ) from None

    def get(self) -> AccessToken | None:
        """The token: this session's, else the credential store's, else the environment's; or None."""
        if self._session is not None:
            return self._session
        raw = self._read_backend()
        if raw is None:
            raw = self._environ.get(ENV_TOKEN)
        if raw is None or not raw.strip():
            return None
        try:
            return AccessToken(raw)
        except ValueError:
            log.warning("the stored access token is not a single word; ignoring it")
            return None

    def set(self, token: AccessToken) -> None:
        """Save the token in the credential store. NoSecureStore when there is none (nothing written)."""
        if not isinstance(token, AccessToken):
            raise TypeError("pass an AccessToken, never a bare string")
        if self.choice.backend is None:
            raise NoSecureStore(self.choice.warning or "There is no secure place to save the access token.")
        raw = token.reveal()
        if len(raw) > MAX_TOKEN_CHARS:
            raise TokenStoreError("That is too long to be a Mercado Pago access token: copy only the token.")
        try:
            self.choice.backend.set_password(SERVICE, self.account, raw)  # type: ignore[attr-defined]
        except Exception as exc:
            log.warning("saving the token in %s failed: %s", self.backend_name, type(exc).__name__)
            raise TokenStoreError(
                f"The access token could not be saved in {self.backend_name}: unlock it and try again."
            ) from None
        self._session = None
        log.info("access token %s saved in %s for %s", token.hint, self.backend_name, self.account)

    def keep_for_session(self, token: AccessToken) -> None:
        """The alternative when nothing secure exists: memory only, asked again at the next start."""
        if not isinstance(token, AccessToken):
            raise TypeError("pass an AccessToken, never a bare string")
        self._session = token
        log.info("access token %s kept for this session only", token.hint)

    def delete(self) -> None:
        """Forget the token (store and session). Removing a token that is not there is fine."""
        self._session = None
        if self.choice.backend is None:
            return
        try:
            if self.choice.backend.get_password(SERVICE, self.account) is not None:  # type: ignore[attr-defined]
                self.choice.backend.delete_password(SERVICE, self.account)  # type: ignore[attr-defined]
        except Exception as exc:
            log.warning("removing the token from %s failed: %s", self.backend_name, type(exc).__name__)
            raise TokenStoreError(
                f"The access token could not be removed from {self.backend_name}: unlock it and try again."
            ) from None
        log.info("access token removed from %s for %s", self.backend_name, self.account)

    def describe(self) -> str:
        """One line for the support text: the store and where the token is (never the token)."""
        line = f"token store: {self.backend_name}; token {self.where()}"
        if self.choice.tried:
            line += f" (not used: {'; '.join(self.choice.tried)})"
        return line
