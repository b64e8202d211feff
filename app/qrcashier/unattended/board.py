"""How a register puts its order on the merchant endpoint: in-process or over the control API.

`OrderBoard` is what the unattended checkout gateway needs. `LocalBoard` wraps the
`OrderBook` of an endpoint running in this process; `RemoteBoard` talks to a
`qrcashier-merchant-server` running elsewhere through its control API (control.py).

The contract (`OrderBoard`, `TakeReason`, `BoardRefused`, `BoardUnreachable`) is
checkout's (`qrcashier.checkout.board`): these are its implementations.
"""

from __future__ import annotations

from typing import Any

import httpx

from qrcashier.checkout.board import BoardRefused, BoardUnreachable, TakeReason
from qrcashier.domain.money import Site
from qrcashier.mercadopago.models import InstoreOrder
from qrcashier.unattended.addresses import check_pos_id
from qrcashier.unattended.orders import InvalidOrder, OrderBook, SlotStatus, UnknownRegister


class LocalBoard:
    """The board of an endpoint in this process (no I/O: the book's calls are immediate)."""

    def __init__(self, book: OrderBook) -> None:
        self.book = book

    async def place(self, external_pos_id: str, order: InstoreOrder, site: Site) -> None:
        try:
            self.book.place(external_pos_id, order, site)
        except (UnknownRegister, InvalidOrder) as exc:
            raise BoardRefused(f"The merchant endpoint refused the order: {exc}.") from exc

    async def take(self, external_pos_id: str, reference: str | None, reason: TakeReason | str) -> bool:
        try:
            return self.book.take(external_pos_id, reference, reason) is not None
        except UnknownRegister as exc:
            raise BoardRefused(f"The merchant endpoint refused: {exc}.") from exc

    async def current_reference(self, external_pos_id: str) -> str | None:
        try:
            current = self.book.current(external_pos_id)
        except UnknownRegister as exc:
            raise BoardRefused(f"The merchant endpoint refused: {exc}.") from exc
        return None if current is None else current.external_reference

    def status(self, external_pos_id: str) -> SlotStatus:
        return self.book.status(external_pos_id)


class RemoteBoard:
    """The board of a `qrcashier-merchant-server` reached through its control API.

    `control_url` is the control listener's base URL (loopback by default); `key`, when
    the server was started with one, goes in `Authorization: Bearer`.
    """

    def __init__(self, control_url: str, *, key: str | None = None, timeout: float = 3.0) -> None:
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        self._client = httpx.AsyncClient(base_url=control_url.rstrip("/"), headers=headers, timeout=timeout)

    async def close(self) -> None:
        await self._client.aclose()

    async def __aenter__(self) -> RemoteBoard:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _call(self, method: str, pos: str, tail: str = "", **kwargs: Any) -> dict:
        try:
            path = f"/registers/{check_pos_id(pos)}{tail}"
        except ValueError as exc:
            raise BoardRefused(f"The merchant endpoint refused: {exc}.") from exc
        try:
            resp = await self._client.request(method, path, **kwargs)
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            raise BoardUnreachable("The merchant endpoint could not be reached.", delivered=False) from exc
        except httpx.HTTPError as exc:
            raise BoardUnreachable("The merchant endpoint did not answer in time.", delivered=True) from exc
        try:
            data = resp.json()
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        if resp.status_code >= 500:
            raise BoardUnreachable(f"The merchant endpoint failed ({resp.status_code}).", delivered=True)
        if resp.status_code >= 400:
            raise BoardRefused(f"The merchant endpoint refused: {data.get('message') or resp.status_code}.")
        return data

    async def place(self, external_pos_id: str, order: InstoreOrder, site: Site) -> None:
        body = {"site": site.id, "order": order.to_json(site)}
        await self._call("PUT", external_pos_id, "/order", json=body)

    async def take(self, external_pos_id: str, reference: str | None, reason: TakeReason | str) -> bool:
        params = {"reason": str(TakeReason(reason))}
        if reference is not None:
            params["reference"] = reference
        data = await self._call("DELETE", external_pos_id, "/order", params=params)
        return bool(data.get("taken"))

    async def current_reference(self, external_pos_id: str) -> str | None:
        data = await self._call("GET", external_pos_id)
        reference = data.get("reference")
        return None if reference is None else str(reference)

    async def set_preparing(self, external_pos_id: str, preparing: bool = True) -> None:
        await self._call("PUT", external_pos_id, "/preparing", json={"preparing": preparing})

    async def status(self, external_pos_id: str) -> dict:
        return await self._call("GET", external_pos_id)

