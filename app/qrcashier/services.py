"""Everything the windows talk to, built and torn down in one place (no widgets here).

`Services(options)` holds the catalog, the one httpx.AsyncClient, the Mercado Pago
client, the in-process sandbox (with --sandbox), the provisioned store and POS, the
journal and the checkout engine. `open_local()` opens what is on this computer;
`await start()` does everything that needs the network; `await close()` undoes both,
in reverse order, and is safe to call at any point (also after a failed start).
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from qrcashier.catalog import Catalog
from qrcashier.domain.money import Site
from qrcashier.options import Options
from qrcashier.setup.constants import SANDBOX_TOKEN

if TYPE_CHECKING:  # the network stack is imported in start(), after the window is painted
    import httpx

    from qrcashier.checkout import Journal
    from qrcashier.checkout.config import RegisterConfig
    from qrcashier.checkout.engine import CheckoutEngine
    from qrcashier.mercadopago import AccessToken, MercadoPagoClient
    from qrcashier.mercadopago.models import Pos
    from qrcashier.provisioning import Provisioned

log = logging.getLogger("qrcashier.services")

CATALOG_FILE = "catalog.sqlite3"
FOLLOWER_START_SECONDS = 15.0  # the store catalog follower: the keyring read and its thread's start
# Connect fast or fail fast; reads a little longer. Mercado Pago hanging past this is
# a Timeout for the engine, never a frozen window.
HTTP_TIMEOUT_SECONDS = 8.0
HTTP_CONNECT_TIMEOUT_SECONDS = 4.0


def _fiscal_vault(register: str) -> Any:
    """The keyring for the ARCA key's passphrase and ticket (token_store's choice: never a file);
    None when this computer has no secure store (then a ticket lives for this run only)."""
    from qrcashier.fiscal.vault import FiscalVault
    from qrcashier.token_store import choose_backend

    choice = choose_backend()
    return FiscalVault(choice.backend, register) if choice.backend is not None else None


def _default_timeout() -> httpx.Timeout:
    import httpx

    return httpx.Timeout(HTTP_TIMEOUT_SECONDS, connect=HTTP_CONNECT_TIMEOUT_SECONDS)


def _new_http_client(timeout: httpx.Timeout | None) -> httpx.AsyncClient:
    """The app's one httpx client (issue 15: built on a worker thread, see Services.prepare)."""
    import httpx

    return httpx.AsyncClient(timeout=timeout or _default_timeout(), limits=httpx.Limits(max_connections=10))


class Services:
    def __init__(self, options: Options) -> None:
        self.options = options
        self.catalog: Catalog | None = None
        self.http: httpx.AsyncClient | None = None
        self.sandbox: Any = None
        self.endpoint: Any = None  # the unattended merchant endpoint, in self-service mode
        self.receiver: Any = None  # the notification receiver, when a port is configured
        self.client: MercadoPagoClient | None = None
        self.provisioned: Provisioned | None = None
        self.journal: Journal | None = None
        self.engine: CheckoutEngine | None = None
        self.config: RegisterConfig | None = None
        self.phone_url: str | None = None
        self.point: Any = None  # the PointGateway when the register has a card terminal (issue 20)
        self.point_terminal_url: str | None = None  # the sandbox's terminal page for it
        self._token: AccessToken | None = None
        self.store_link: Any = None  # store.link.StoreLink with --store (issue 19)
        self.fiscal: Any = None  # fiscal.runtime.FiscalRuntime once started (issue 21)
        self.fiscal_problem: str | None = None  # why fiscal is configured but not running

    @property
    def site(self) -> Site:
        return self.options.site

    @property
    def pos(self) -> Pos | None:
        return self.provisioned.pos if self.provisioned else None

    @property
    def store_name(self) -> str:
        if self.provisioned and self.provisioned.store.name:
            return self.provisioned.store.name
        return self.options.store_name

    @property
    def register_name(self) -> str:
        return self.options.pos_name

    def replace_token(self, token: AccessToken | None) -> None:
        """The token a supervisor entered in Settings (None: removed), from the next request on:
        the engine, a sale being watched and a start-up still retrying (a token refused from the
        first call) all use it at once."""
        if self.options.sandbox:
            return  # the demo runs on the sandbox's own token whatever the keyring holds
        self.options.token = token.reveal() if token is not None else None
        self._token = token
        if self.client is not None:
            self.client.http.replace_token(token)

    # --- local ----------------------------------------------------------------------------------

    def open_local(self) -> None:
        """The catalog (with the demo products on first run). No network; --import-catalog runs
        on a worker thread once the window shows (MainWindow.import_catalog)."""
        if self.catalog is not None:
            return
        self.options.data_dir.mkdir(parents=True, exist_ok=True)
        self.catalog = Catalog.open(self.options.data_dir / CATALOG_FILE, self.site)
        if self.options.load_demo_catalog:
            report = self.catalog.load_demo_if_empty()
            if report is not None:
                log.info("demo catalog: %s", report.summary())

    # --- store catalog (issue 19 item 4) -------------------------------------------------------------

    catalog_follower: Any = None  # store/catalog_sync.CatalogFollower, with --store DSN
    _store_access: Any = None

    @property
    def store_access(self) -> Any:
        """store/access.StoreAccess with a store (`store_dsn`), else None: the ONE address (DSN and
        the password from the keyring the app uses) for the sender, the follower, prices and reports."""
        dsn = getattr(self.options, "store_dsn", None)
        if dsn and self._store_access is None:
            from qrcashier.store.access import StoreAccess

            def keyring() -> Any:  # (on a worker thread: a keyring may talk to D-Bus)
                from qrcashier.token_store import backend_or_none

                tokens = getattr(self, "tokens", None)  # the app's TokenStore (its keyring), when it has one
                return tokens.choice.backend if tokens is not None else backend_or_none()

            self._store_access = StoreAccess(dsn, self.options.register_id, keyring=keyring)
        return self._store_access if dsn else None

    def start_catalog_follower(self) -> None:
        """With a store: keep the local catalog a copy of the store's, on the follower's own thread
        (the app's Catalog keeps reading the same file). Else nothing. Blocking (the keyring read,
        the thread's start): `start()` runs it on a worker thread."""
        access = self.store_access
        if access is None or self.catalog_follower is not None:
            return
        self.options.data_dir.mkdir(parents=True, exist_ok=True)
        self.catalog_follower = access.start_follower(self.options.data_dir / CATALOG_FILE, self.site)
        if self.catalog_follower is not None:
            log.info("following the store's catalog at %s", access.shown)

    def catalog_status(self) -> Any:
        """store.catalog_sync.CatalogSyncStatus with a store, else None (thread-safe, non-blocking)."""
        return self.catalog_follower.status if self.catalog_follower is not None else None

    async def _start_catalog_follower(self) -> None:
        import asyncio

        try:
            await asyncio.wait_for(asyncio.to_thread(self.start_catalog_follower), FOLLOWER_START_SECONDS)
        except Exception as exc:  # the register sells from its local copy; the status bar says why
            log.error("the store catalog follower did not start: %s", type(exc).__name__)

    async def stop_catalog_follower(self) -> None:
        import asyncio

        self.catalog_follower = None
        if self._store_access is not None:  # (also stops a follower whose start ends after this)
            await asyncio.to_thread(self._store_access.stop_follower)

    # --- network --------------------------------------------------------------------------------

    # --- start-up work off the Qt thread and side by side (issue 15) -------------------------------

    _http_building: Any = None  # the future of the httpx client being built on a worker thread
    _journal_opening: Any = None  # the journal's open (its own thread), while provisioning waits for MP

    def prepare(self) -> None:
        """Start building the one HTTP client on a worker thread: importing httpcore and loading
        the CA bundle into a TLS context took about 120 ms of the Qt thread. The app calls this
        once the window is painted, so it is built while the catalog opens and the customer
        window is shown; start() waits for it. Idempotent; start() calls it when nobody did."""
        if self.http is None and self._http_building is None:
            self._http_building = asyncio.ensure_future(asyncio.to_thread(_new_http_client, self.options.http_timeout))

    async def _close_starting(self) -> None:
        """What a start that failed or was cancelled left half-made: a client built but not taken,
        a journal opened while provisioning failed."""
        building, opening = self._http_building, self._journal_opening
        self._http_building = self._journal_opening = None
        for future in (building, opening):
            if future is None:
                continue
            if not future.done():
                await asyncio.wait([future])  # a thread's work cannot be cancelled: let it finish
            if not future.cancelled() and future.exception() is None:
                made = future.result()
                await (made.aclose() if future is building else made.close())

    async def start(self) -> None:
        """Sandbox (if asked), client, store and POS, journal, engine. Not the reconcile."""
        await self._start_catalog_follower()  # store catalog (issue 19 item 4): first, so it follows if MP is down

        from qrcashier.checkout import JOURNAL_FILE, Journal
        from qrcashier.checkout.config import PollPolicy, RegisterConfig
        from qrcashier.checkout.engine import CheckoutEngine
        from qrcashier.checkout.gateways import make_gateway
        from qrcashier.checkout.till_config import TillConfig
        from qrcashier.mercadopago import AccessToken, MercadoPagoClient, MercadoPagoHTTP, TokenMissing
        from qrcashier.mercadopago.http import RetryPolicy
        from qrcashier.provisioning import RegisterSpec
        from qrcashier.unattended.provisioning import ensure_attended_pos, ensure_unattended_pos

        opts = self.options
        timeout = opts.http_timeout or _default_timeout()
        if self.journal is None and self._journal_opening is None:  # issue 15: opens while we talk to MP
            self._journal_opening = asyncio.ensure_future(Journal.open(opts.data_dir / JOURNAL_FILE))
        if self.http is None:
            self.prepare()
            self.http = await self._http_building  # built on a worker thread (issue 15)
            self._http_building = None
        base_url = opts.base_url
        token = opts.token
        if opts.sandbox:
            if self.sandbox is None and opts.sandbox_url:
                from qrcashier.registers import RemoteSandbox

                self.sandbox = RemoteSandbox(opts.sandbox_url)
                log.info("on the standalone sandbox at %s as register %s", opts.sandbox_url, opts.register_id)
            elif self.sandbox is None:
                from qrcashier.sandbox.server import SandboxServer

                self.sandbox = await SandboxServer.start(host="127.0.0.1", port=0, default_site=opts.site_id)
                log.info("sandbox listening on %s", self.sandbox.base_url)
            base_url = self.sandbox.base_url
            token = token or SANDBOX_TOKEN
        if token is None:
            raise TokenMissing()
        if self.client is None:
            self._token = AccessToken(token)
            kwargs = {"base_url": base_url} if base_url else {}
            http = MercadoPagoHTTP(self.http, self._token, timeout=timeout, retry=opts.retry or RetryPolicy(), **kwargs)
            self.client = MercadoPagoClient(http)
        if opts.self_service and self.endpoint is None:
            from qrcashier.unattended.server import MerchantEndpoint

            self.endpoint = await MerchantEndpoint.start(
                host=opts.endpoint_host,
                port=opts.endpoint_port,
                registers=[opts.pos_external_id],
                contract=opts.unattended_contract,
                public_url=opts.endpoint_public_url,
            )
            log.info("merchant endpoint listening on %s", self.endpoint.base_url)
        if self.provisioned is None:
            spec = RegisterSpec(
                store_external_id=opts.store_external_id,
                pos_external_id=opts.pos_external_id,
                store_name=opts.store_name,
                pos_name=opts.pos_name,
            )
            if self.endpoint is not None:
                url = self.endpoint.pos_url(opts.pos_external_id)
                self.provisioned = await ensure_unattended_pos(self.client, spec, url)
            else:  # also takes a self-service url off the POS when the register goes back
                self.provisioned = await ensure_attended_pos(self.client, spec)
            if self.provisioned.user.site_id != opts.site_id:
                log.warning("the account's site is %s, not %s", self.provisioned.user.site_id, opts.site_id)
        if self.journal is None:
            try:
                self.journal = await self._journal_opening
            finally:
                self._journal_opening = None  # opened, or failed: a retry opens it again
        if opts.notifications_port is not None and self.receiver is None:
            await self._start_receiver()
        if self.engine is None:
            self.config = RegisterConfig(
                register_id=opts.register_id,
                user_id=self.provisioned.user.id,
                external_store_id=opts.store_external_id,
                external_pos_id=opts.pos_external_id,
                site=self.site,
                order_expiry=opts.order_expiry,
                poll=opts.poll or PollPolicy(),
                accept_ipn=opts.accept_ipn or opts.sandbox,
                order_title=self.store_name[:60] or "Purchase",
                store_name=self.store_name,
                notification_url=opts.notification_url or (
                    self.receiver.url if self.receiver is not None and opts.sandbox else None
                ),
            )
            board = self.endpoint.board if self.endpoint is not None else None
            gateway = make_gateway(opts.api, self.client, self.config, qr_mode=opts.qr_mode, board=board)
            # The till, complete from what the settings and --register gave (its one builder);
            # options.till stays as configured, so a restart after a site change builds it again.
            till = TillConfig.for_register(self.site, opts.pos_number, opts.till)
            self.point = self._point_gateway()
            self.engine = CheckoutEngine(self.journal, gateway, self.config, operator=opts.operator, till=till,
                                         point=self.point)
        if opts.store_dsn and self.store_link is None:  # the store database (issue 19)
            from qrcashier.store.link import StoreLink

            self.store_link = StoreLink(opts.store_dsn, opts.register_id, self.journal.path,
                                        address=self.store_access.address)  # the follower's address too
            await self.store_link.start(self.engine)
        if self.fiscal is None and self.fiscal_wanted:
            await self._start_fiscal()
        if opts.sandbox and self.phone_url is None:
            self.phone_url = await self._sandbox_phone_url()
        if opts.sandbox and self.point is not None and self.point_terminal_url is None:
            self.point_terminal_url = self._sandbox_terminal_url()

    # --- Point card terminal (issue 20) ----------------------------------------------------------

    @property
    def point_terminal(self) -> str | None:
        """The register's card terminal id: the configured one; on the embedded sandbox, when
        none is configured, Mercado Pago's virtual test terminal (in PDV mode there); else None."""
        opts = self.options
        if opts.point_terminal is not None:
            return opts.point_terminal or None
        if opts.sandbox and not opts.sandbox_url:
            from qrcashier.mercadopago.point_ids import VIRTUAL_TERMINAL

            return VIRTUAL_TERMINAL
        return None

    def _point_gateway(self) -> Any:
        """The PointGateway for the register's terminal, or None (no terminal, or one the
        register's order expiry cannot be sent to: logged, and the register takes no Point)."""
        from qrcashier.checkout.gateway_point import PointGateway

        terminal = self.point_terminal
        if terminal is None:
            return None
        try:
            return PointGateway(self.client, self.config, terminal,
                                print_on_terminal=self.options.point_print_on_terminal)
        except ValueError as exc:
            log.warning("no card terminal for this register: %s", exc)
            return None

    def _sandbox_terminal_url(self) -> str | None:
        """The sandbox's terminal page for the register's terminal, with the phone page's code."""
        from urllib.parse import parse_qs, quote, urlsplit

        code = parse_qs(urlsplit(self.phone_url or "").query).get("code")
        if not code or self.sandbox is None:
            return None
        return (f"{self.sandbox.base_url}/sandbox/point/terminal/{quote(self.point.terminal_id)}"
                f"?code={quote(code[0])}")

    # --- fiscal (issue 21): an ARCA invoice for every completed sale -----------------------------

    @property
    def fiscal_wanted(self) -> bool:
        setup = self.options.fiscal
        return setup is not None and setup.enabled and self.site.id == "MLA"

    async def _start_fiscal(self) -> None:
        """The invoice queue on the journal, once the engine is up (it wakes on every completed
        sale, and the engine's receipts carry the invoice). The sandbox runs against the ARCA
        simulator in this process. A setup that cannot be used is logged; the counter sells on."""
        import asyncio

        from qrcashier.checkout import JOURNAL_FILE
        from qrcashier.fiscal.runtime import FiscalRuntime

        opts = self.options
        problems = opts.fiscal.problems(sandbox=opts.sandbox)
        if problems:
            self.fiscal_problem = " ".join(problems)
            log.warning("ARCA invoices not started: %s", self.fiscal_problem)
            await self._hold_fiscal_sales()
            return
        try:
            vault = None if opts.sandbox else await asyncio.to_thread(_fiscal_vault, opts.register_id)
            self.fiscal = await FiscalRuntime.open(opts.fiscal, opts.data_dir / JOURNAL_FILE, self.http,
                                                   sandbox=opts.sandbox, vault=vault)
        except Exception as exc:  # never a reason to hold the counter (start() would retry forever)
            self.fiscal_problem = f"No se pudo iniciar la facturación electrónica ({type(exc).__name__})."
            log.exception("ARCA invoices not started")
            await self._hold_fiscal_sales()
            return
        self.fiscal.attach(self.engine)
        self.fiscal_problem = self.fiscal.startup_error
        log.info("ARCA invoices on (%s, punto de venta %s)", self.fiscal.environment, opts.fiscal.point_of_sale)

    async def _hold_fiscal_sales(self) -> None:
        """The setup cannot start: the sales from now on are kept for invoicing (fiscal/backlog.py)."""
        from qrcashier.fiscal.backlog import hold_sales_in
        await hold_sales_in(self.options.data_dir)

    async def fiscal_waiting(self) -> int:
        """Paid sales waiting for their invoice while the fiscal setup cannot start (off the loop)."""
        from qrcashier.fiscal.backlog import waiting_in
        return await waiting_in(self.options.data_dir)

    # --- the store database (issue 19): store/link.py runs the outbox sender off the loop --------

    def store_status(self) -> Any:
        """store.sender.StoreStatus (online, sales waiting, last error without secrets), or None
        without --store. Thread-safe and non-blocking: the status bar reads it on the Qt thread."""
        return self.store_link.status() if self.store_link is not None else None

    async def wait_store_sent(self, timeout: float) -> bool:
        """True once every outbox row written so far (the last sale's too) is in the store database."""
        return self.store_link is not None and await self.store_link.wait_sent(timeout)

    async def _start_receiver(self) -> None:
        """The notification receiver: each IPN or webhook only makes the engine read again now.
        On the sandbox it gets the sandbox's order.* webhooks, signed with the sandbox's secret."""
        from qrcashier.notifications import NotificationReceiver

        opts = self.options
        secret = opts.webhook_secret
        if opts.sandbox:
            secret = (await self.sandbox_control("GET", "/sandbox/webhooks"))["secret"]

        def notified(topic: str, resource_id: str) -> None:
            if self.engine is not None:
                self.engine.notify(topic, resource_id)

        self.receiver = await NotificationReceiver.start(
            opts.notifications_host, opts.notifications_port, secret=secret, on_notification=notified,
            accept_ipn=opts.accept_ipn or opts.sandbox,
        )
        log.info("notification receiver listening on %s", self.receiver.url)
        if opts.sandbox:
            await self.sandbox_control("PUT", "/sandbox/webhooks", {"url": self.receiver.url})

    async def _sandbox_phone_url(self) -> str | None:
        import httpx

        try:
            reply = await self.http.get(
                f"{self.sandbox.base_url}/sandbox/pos/{self.options.pos_external_id}/phone",
                headers={"Authorization": self._token.bearer_header()},
            )
            reply.raise_for_status()
            return reply.json()["url"]
        except (httpx.HTTPError, KeyError, ValueError) as exc:
            log.warning("no phone page link from the sandbox: %s", type(exc).__name__)
            return None

    async def sandbox_control(self, method: str, path: str, json: Any = None) -> Any:
        """Call the sandbox's control API as this account (the self-test, demos and tests)."""
        if self.sandbox is None:
            raise RuntimeError("not running on the sandbox")
        reply = await self.http.request(
            method, f"{self.sandbox.base_url}{path}", json=json,
            headers={"Authorization": self._token.bearer_header()},
        )
        reply.raise_for_status()
        return reply.json() if reply.content else None

    # --- teardown ------------------------------------------------------------------------------

    async def close(self) -> None:
        """Engine, journal, HTTP client, sandbox, catalog: each closed once, errors logged."""
        steps = []
        await self.stop_catalog_follower()  # store catalog (issue 19 item 4)
        try:
            await self._close_starting()  # issue 15: a client or journal a failed start left
        except Exception:
            log.exception("closing what the start-up left failed")
        if self.fiscal is not None:  # issue 21: before the journal it shares
            steps.append(("ARCA invoices", self.fiscal.close()))
            self.fiscal = None
        if self.receiver is not None:
            steps.append(("notification receiver", self.receiver.close()))
        if self.store_link is not None:  # the store database (issue 19): before the journal it reads
            steps.append(("store sender", self.store_link.close()))
        if self.engine is not None:
            steps.append(("engine", self.engine.close()))
        if self.journal is not None:
            steps.append(("journal", self.journal.close()))
        if self.endpoint is not None:
            steps.append(("merchant endpoint", self.endpoint.close()))
        if self.http is not None:
            steps.append(("http client", self.http.aclose()))
        if self.sandbox is not None:
            steps.append(("sandbox", self.sandbox.close()))
        self.engine = self.journal = self.endpoint = self.http = self.sandbox = self.receiver = None
        for name, coro in steps:
            try:
                await coro
            except Exception:
                log.exception("closing the %s failed", name)
        if self.catalog is not None:
            self.catalog.close()
            self.catalog = None


