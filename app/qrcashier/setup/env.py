"""What the setup pages talk to (no widgets): settings, the token store, HTTP, the sandbox, printers."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from qrcashier.mercadopago.secret import AccessToken
from qrcashier.settings import AppSettings, Mode
from qrcashier.setup.constants import DEFAULT_API_URL, SANDBOX_TOKEN
from qrcashier.token_store import TokenStore, TokenStoreError, choose_backend

log = logging.getLogger("qrcashier.setup")


class MissingToken(TokenStoreError):
    """The account mode was asked for a client before any token was pasted (the window says it in its language)."""


class SetupEnv:
    """What the setup pages talk to: settings, the token store, HTTP, the sandbox, printers.

    `http`: the app's httpx.AsyncClient (one is made, and closed by `aclose`, when None).
    `api_base_url`: Mercado Pago's API (tests: a sandbox's base_url, with a real-account token).
    `sandbox_base_url`: a sandbox already running (the app's own); else one is started on
    loopback when the sandbox branch needs it, and closed by `aclose`.
    `printers`: lists the printers to offer (the window passes Qt's; none when None).
    `audit(actor, action, reason, details)`: an awaitable writing to the journal's audit log
    (`CheckoutEngine.audit`); None before the journal exists (first run).
    """

    def __init__(
        self,
        settings: AppSettings,
        tokens: TokenStore,
        *,
        http=None,
        api_base_url: str = DEFAULT_API_URL,
        sandbox_base_url: str | None = None,
        sandbox_token: str = SANDBOX_TOKEN,
        printers: Callable[[], list[str]] | None = None,
        audit: Callable[[str, str, str, dict], Awaitable[None]] | None = None,
        choose: Callable[[], Any] = choose_backend,
        timeout: float = 10.0,
    ) -> None:
        self.settings = settings
        self.tokens = tokens
        self._http = http
        self._own_http = False
        self.api_base_url = api_base_url.rstrip("/")
        self.sandbox_base_url = sandbox_base_url
        self.sandbox_token = sandbox_token
        self._sandbox = None
        self._printers = printers
        self.audit = audit
        self.choose = choose
        self.timeout = timeout

    def printers(self) -> list[str]:
        """The printers to offer (none when the window did not give a way to list them)."""
        return list(self._printers()) if self._printers is not None else []

    def http(self):
        if self._http is None:
            import httpx

            self._http = httpx.AsyncClient(timeout=httpx.Timeout(self.timeout, connect=min(5.0, self.timeout)))
            self._own_http = True
        return self._http

    async def sandbox_url(self) -> str:
        if self.sandbox_base_url is None:
            from qrcashier.sandbox.server import SandboxServer

            self._sandbox = await SandboxServer.start(host="127.0.0.1", port=0, default_site=self.settings.site)
            self.sandbox_base_url = self._sandbox.base_url
            log.info("setup: sandbox on %s", self.sandbox_base_url)
        return self.sandbox_base_url

    async def client(self, mode: Mode, token: AccessToken | None):
        """A Mercado Pago client for the mode: the sandbox's (its own token) or the account's."""
        import httpx

        from qrcashier.mercadopago import MercadoPagoClient, MercadoPagoHTTP, RetryPolicy

        if mode == Mode.SANDBOX:
            base, token = await self.sandbox_url(), AccessToken(self.sandbox_token)
        else:
            if token is None:
                raise MissingToken("There is no access token yet: paste one on the Mercado Pago account page.")
            base = self.api_base_url
        http = MercadoPagoHTTP(
            self.http(), token, base_url=base, timeout=httpx.Timeout(self.timeout, connect=min(5.0, self.timeout)),
            retry=RetryPolicy(attempts=2, base_delay=0.2),
        )
        return MercadoPagoClient(http)

    async def write_audit(self, actor: str, action: str, reason: str = "", details: dict | None = None) -> None:
        if self.audit is None:
            return
        try:
            await self.audit(actor, action, reason, details or {})
        except Exception:
            log.exception("could not write the audit row for %s", action)

    async def aclose(self) -> None:
        if self._sandbox is not None:
            sandbox, self._sandbox = self._sandbox, None
            self.sandbox_base_url = None
            await sandbox.close()
        if self._own_http and self._http is not None:
            http, self._http = self._http, None
            self._own_http = False
            await http.aclose()
