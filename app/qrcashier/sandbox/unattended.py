"""The unattended model, Mercado Pago's side (mercadopago-api.md §6).

A POS created with a `url` has no order until a customer scans; then Mercado Pago calls
that URL again and again until the merchant answers with an order, says there is none,
or time runs out. The sandbox does the same when its scan control is used on such a POS
with no current order: `GET <url>` (the method is unconfirmed; GET is the likely one)
every `interval` seconds, for at most `timeout` seconds.

Answers understood (both documented generations):
- 200 with a v2-style order body: the order goes on the POS, the scan proceeds.
- 202 `{"status": {"status_detail": ...}}`: `in_process` / `Waiting_for_order` keep polling;
  `notihing_to_pay` (sic, also `nothing_to_pay`) ends with "no order".
- 400 `{"error": {"type": ...}}`: `in_process` keeps polling; `unavailable` ends with
  "no order"; `invalid` and `timeout` end with an error.
Anything else, or no answer, is the "cannot operate" case: 502 to the caller.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
from decimal import Decimal
from typing import Any

import aiohttp

from qrcashier.sandbox import validation
from qrcashier.sandbox.accounts import Account
from qrcashier.sandbox.errors import ApiError
from qrcashier.sandbox.models import Pos, PosOrder
from qrcashier.sandbox.state import SandboxState

log = logging.getLogger("qrcashier.sandbox.unattended")

# Amounts stay Decimal from the wire on, as everywhere in the sandbox.
loads = functools.partial(json.loads, parse_float=Decimal)

KEEP_POLLING = {"in_process", "waiting_for_order"}
NOTHING_TO_PAY = {"notihing_to_pay", "nothing_to_pay", "unavailable"}


class UnattendedPoller:
    def __init__(
        self, session: aiohttp.ClientSession, *, interval: float = 1.0, timeout: float = 30.0,
        request_timeout: float = 5.0,
    ) -> None:
        self.session = session
        self.interval = interval
        self.timeout = timeout
        self.request_timeout = request_timeout

    async def ensure_order(self, state: SandboxState, account: Account, pos: Pos, *, fresh: bool) -> None:
        """Make sure an unattended POS carries the merchant's order before a scan or a pay.

        `fresh` (a scan): Mercado Pago calls the url on every scan, so an order fetched for an
        earlier scan is dropped and asked for again: one the merchant has since withdrawn or
        replaced is not offered to the next customer. An order placed on the POS through the
        orders API (kind "v2"/"v1"/"hybrid"/"orders") is used as it is. Without `fresh` (a pay with no
        scan), whatever the POS carries is used and the url is asked only when it has none."""
        current = state.current_order(pos)
        if current is not None and (not fresh or current.kind != "unattended"):
            return
        if current is not None:
            state.delete_order(pos)
        await self.fetch_order(state, account, pos)

    async def fetch_order(self, state: SandboxState, account: Account, pos: Pos) -> PosOrder:
        """Poll the POS url until it yields an order, which is put on the POS; ApiError otherwise."""
        assert pos.url is not None
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        while True:
            status, body = await self._ask(pos.url)
            verdict = self._verdict(status, body)
            if verdict == "order":
                try:
                    draft = validation.v2_order(body, site=account.site, collector_id=account.id, now=state.now())
                except ApiError as exc:
                    raise ApiError(
                        502, "unattended_invalid_order",
                        f"The POS url answered an unusable order: {exc.error}: {exc.message}",
                    ) from None
                return state.put_order(account, pos, draft, "unattended")
            if verdict == "nothing":
                raise ApiError(409, "no_order", "The merchant's system says there is nothing to pay")
            if verdict != "wait":
                raise ApiError(502, "unattended_error", verdict)
            if loop.time() + self.interval > deadline:
                raise ApiError(504, "unattended_timeout", f"No order from the POS url within {self.timeout:g} s")
            await asyncio.sleep(self.interval)

    async def _ask(self, url: str) -> tuple[int | None, Any]:
        try:
            async with self.session.get(
                url, headers={"Accept": "application/json"}, timeout=aiohttp.ClientTimeout(total=self.request_timeout)
            ) as resp:
                try:
                    return resp.status, await resp.json(loads=loads, content_type=None)
                except ValueError:
                    return resp.status, None
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            log.info("POS url unreachable: %s", type(exc).__name__)
            return None, None

    @staticmethod
    def _verdict(status: int | None, body: Any) -> str:
        """"order", "wait", "nothing", or the reason the app would say it cannot operate."""
        if status is None:
            return "The POS url does not answer"
        if status == 200 and isinstance(body, dict):
            return "order"
        if status == 202 and isinstance(body, dict) and isinstance(body.get("status"), dict):
            detail = str(body["status"].get("status_detail", "")).lower()
            return "nothing" if detail in NOTHING_TO_PAY else "wait"
        if status == 400 and isinstance(body, dict) and isinstance(body.get("error"), dict):
            kind = str(body["error"].get("type", "")).lower()
            if kind in KEEP_POLLING:
                return "wait"
            if kind in NOTHING_TO_PAY:
                return "nothing"
            return f"The POS url answered error {kind or 'without a type'}"
        return f"The POS url answered HTTP {status} without an order"
