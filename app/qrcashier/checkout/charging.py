"""Charging: a cart or an open sale becomes a payment attempt, published on the register's QR."""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any

from qrcashier.checkout.engine_base import (
    EngineBase,
    GatewayError,
    is_retryable,
    user_message,
)
from qrcashier.checkout.errors import NotChargeable, NotReady, RegisterBusy
from qrcashier.checkout.gateway import Gateway, NotDelivered
from qrcashier.domain.cart import Cart, validate_lines
from qrcashier.domain.money import parse_amount
from qrcashier.domain.sale import (
    STATE_MESSAGES,
    Attempt,
    AttemptState,
    FailureKind,
    Sale,
)
from qrcashier.mercadopago.errors import RateLimited

log = logging.getLogger("qrcashier.checkout")
S = AttemptState


class ChargeJobs(EngineBase):
    """charge(), the publish, and the one allowed republish of an unknown outcome."""

    async def charge(self, target: Cart | Sale | int, *, tender: str = "qr",
                     amount: Decimal | str | None = None) -> Attempt:
        """Charge a cart (frozen into a new sale) or charge an open sale again.

        Returns the attempt as it stands after the publish: `waiting` (on the QR),
        `unknown` (being reconciled), or `failed` (its `message` says why; the sale can
        be charged again). Pressing Charge again on the same sale (or an identical cart)
        while its order is live returns that live attempt and sends nothing.

        Raises, before any network call: `InvalidCart` / `InvalidAmount` (bad input),
        `RegisterBusy` (another sale is live on this register), `NotChargeable` (the
        sale is paid, discarded or awaits review), `NotReady` (start() has not finished).

        `tender="point"` sends the amount to the register's card terminal instead of its QR
        (`NotChargeable` when the register has none); everything else is the same.

        `amount`: a part of what is due (a split with two electronic parts: a QR part, then
        the rest on the terminal, or the other way round). When that attempt is paid, its tender
        is recorded and the sale stays open for the rest (no receipt until the whole is paid);
        charge the sale again for what is left. Refused (`TillRefused`) unless it leaves
        something to pay.
        """
        gateway = self._gateway_for_tender(tender)
        site = self.config.site
        part = None if amount is None else parse_amount(amount, site)
        lines = total = None
        if isinstance(target, Cart):
            if target.site.id != site.id:
                raise NotChargeable(
                    f"This cart is in {target.site.currency}; this register charges in {site.currency}."
                )
            lines, total = validate_lines(target.lines, site)
        if not self._ready:
            raise NotReady("QR Cashier is still checking earlier sales with Mercado Pago; try again in a moment.")
        await self._require_shift()
        async with self._register_lock:
            live = await self.live_attempt()
            if live is not None:
                if await self._same_sale(live, target, lines):
                    return live  # a second press: nothing to do
                raise RegisterBusy(
                    "Another sale's order is still on this register's QR: wait for it, "
                    "or ask a supervisor to cancel it.",
                    live.id,
                )
            now = self._now()
            expires = now + self.config.order_expiry
            message = STATE_MESSAGES[S.CREATED]
            if lines is not None:
                new_sale = (self.config.register_id, site, lines, total)
                attempt = await self._db(lambda db: db.create_attempt(
                    gateway=gateway.name, now=now, expires_at=expires, message=message, new_sale=new_sale,
                    amount=part))
            else:
                sale_id = target.id if isinstance(target, Sale) else int(target)  # type: ignore[union-attr,arg-type]
                sale = await self.sale(sale_id)
                if sale.register_id != self.config.register_id:
                    raise NotChargeable("This sale belongs to another register.")
                attempt = await self._db(lambda db: db.create_attempt(
                    gateway=gateway.name, now=now, expires_at=expires, message=message, sale_id=sale_id,
                    amount=part))
            self._changed(None, attempt, message)
        return await self._publish(attempt)

    def _gateway_for_tender(self, tender: str) -> Gateway:
        if tender == "qr":
            return self.gateway
        if tender == "point":
            point = self.gateways.get("point")
            if point is None:
                raise NotChargeable("This register has no card terminal: choose one in Settings, or take "
                                    "another tender.")
            return point
        raise NotChargeable(f"{tender!r} is not a tender that goes through Mercado Pago.")

    async def _same_sale(self, live: Attempt, target: Cart | Sale | int, lines: Any) -> bool:
        if isinstance(target, Cart):
            return (await self._sale(live.sale_id)).lines == lines
        sale_id = target.id if isinstance(target, Sale) else target
        return sale_id == live.sale_id

    async def _publish(self, attempt: Attempt) -> Attempt:
        async with self._lock(attempt.id):
            attempt = await self.attempt(attempt.id)
            if attempt.state != S.CREATED:
                return attempt  # cancelled before it was sent
            attempt = await self._move(attempt, S.PUBLISHING)
            order = await self._order(attempt)
            try:
                published = await self._gw(attempt).publish(order)
            except NotDelivered as exc:
                return await self._move(
                    attempt, S.FAILED,
                    f"{exc.user_message} The order was not sent; the sale is kept: "
                    "charge it again when the connection is back.",
                    failure=FailureKind.OFFLINE,
                )
            except GatewayError as exc:
                if is_retryable(exc):
                    attempt = await self._move(
                        attempt, S.UNKNOWN, f"{user_message(exc)} Checking whether the order reached the QR."
                    )
                    retry_after = exc.retry_after if isinstance(exc, RateLimited) and exc.retry_after else 0.0
                    self._watch(attempt.id, first_delay=max(self.config.poll.interval, retry_after))
                    return attempt
                return await self._move(
                    attempt, S.FAILED, f"{user_message(exc)} The sale is kept; you can charge it again.",
                    failure=FailureKind.REFUSED,
                )
            except Exception:
                log.exception("publishing attempt %s failed unexpectedly", attempt.id)
                attempt = await self._move(
                    attempt, S.UNKNOWN, "Something went wrong while sending the order; checking with Mercado Pago."
                )
                self._watch(attempt.id)
                return attempt
            attempt = await self._move(
                attempt, S.WAITING, gateway_order_id=published.gateway_order_id, qr_data=published.qr_data
            )
            self._watch(attempt.id)
            return attempt

    async def _republish_locked(self, attempt: Attempt) -> Attempt:
        """The one allowed retry of an unknown publish: the same attempt, reference and key,
        and only once a lookup showed the order is not on the QR and nobody scanned it."""
        order = await self._order(attempt)
        try:
            published = await self._gw(attempt).publish(order)
        except GatewayError as exc:
            if is_retryable(exc):
                self._notice(attempt.id, f"{user_message(exc)} Still trying to place the order on the QR.")
                raise
            return await self._move(
                attempt, S.FAILED, f"{user_message(exc)} The sale is kept; you can charge it again.",
                failure=FailureKind.REFUSED,
            )
        return await self._move(
            attempt, S.WAITING, gateway_order_id=published.gateway_order_id, qr_data=published.qr_data
        )
