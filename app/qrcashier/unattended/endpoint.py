"""The merchant endpoint Mercado Pago calls in the unattended model (mercadopago-api.md §6).

The POS is created with `url = <public base>/mp/unattended?pos=<external_pos_id>`. When a
customer scans its QR, Mercado Pago calls that URL exactly as configured, again and again,
until it gets an order, an error or gives up. The method is not documented (almost
certainly GET): GET, HEAD and POST are all answered the same way; a body is read (up to
`max_body`) and ignored.

The answers, for the two documented "not ready" contracts (chosen in settings):

| case                               | contract "202" (newest docs)               | contract "400" (older docs)  |
|------------------------------------|--------------------------------------------|------------------------------|
| no order yet                       | 202 status_detail `Waiting_for_order`      | 400 error type `unavailable` |
| order being prepared               | 202 status_detail `in_process`             | 400 error type `in_process`  |
| the last order was just paid       | 202 status_detail `notihing_to_pay` (sic)  | 400 error type `unavailable` |
| order ready                        | 200, the v2 order body, `order-version: 2` | the same                     |
| the pump/machine cannot be reached | 400 error type `timeout`                   | 400 error type `timeout`     |
| missing/garbled `pos`, unknown POS | 400 error type `invalid`                   | 400 error type `invalid`     |
| body over `max_body`               | 413 error type `invalid`                   | the same                     |
| another path / method              | 404 / 405 error type `invalid`             | the same                     |

The 202 contract documents only "not ready yet" answers; for errors (bad parameters, an
unknown location, a device timeout) the older 400 `{"error": {"type", "message"}}`
envelope is the only documented shape, so both contracts use it: a 202 would put the
customer on a waiting screen for an order that can never come.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import parse_qsl

from aiohttp import web

from qrcashier.mercadopago.models import POS_EXTERNAL_ID
from qrcashier.unattended.addresses import DEFAULT_PATH, POS_PARAM
from qrcashier.unattended.orders import OrderBook, SlotState

log = logging.getLogger("qrcashier.unattended")

DEFAULT_MAX_QUERY = 1024  # bytes of raw query string; a POS id needs under 50
DEFAULT_MAX_BODY = 4096  # bytes; Mercado Pago sends none that we know of
MAX_QUERY_FIELDS = 16


class Contract(StrEnum):
    """Which documented "not ready" answer the endpoint gives."""

    ACCEPTED = "202"  # HTTP 202 {"status": {"status_detail", "message"}} (newest docs)
    ERROR = "400"  # HTTP 400 {"error": {"type", "message"}} (older docs)

    @classmethod
    def parse(cls, value: Contract | str | int) -> Contract:
        try:
            return cls(str(value))
        except ValueError:
            raise ValueError(f"the unattended contract is '202' or '400', not {value!r}") from None


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()

    def json(self) -> dict:
        return json.loads(self.body)

    def response(self) -> web.Response:
        resp = web.Response(status=self.status, body=self.body, content_type="application/json")
        resp.headers["Cache-Control"] = "no-store"
        for name, value in self.headers:
            resp.headers[name] = value
        return resp


def _body(obj: dict) -> bytes:
    return json.dumps(obj, separators=(",", ":")).encode()


def error_answer(status: int, type_: str, message: str) -> Answer:
    return Answer(status, _body({"error": {"type": type_, "message": message}}))


def status_answer(detail: str, message: str) -> Answer:
    return Answer(202, _body({"status": {"status_detail": detail, "message": message}}))


MSG_WAITING = "There is no order for this point of sale yet."
MSG_PREPARING = "The order is being prepared; its amount is not known yet."
MSG_PAID = "The order has been paid; there is nothing left to pay."
MSG_DEVICE = "The machine at this point of sale cannot be reached."
MSG_MISSING = "The pos parameter is missing."
MSG_GARBLED = "The pos parameter is not a point of sale id."
MSG_UNKNOWN = "This point of sale is not known here."
MSG_QUERY = "The request's parameters are too long or too many."
MSG_BODY = "The request body is too large."

INVALID_MISSING = error_answer(400, "invalid", MSG_MISSING)
INVALID_GARBLED = error_answer(400, "invalid", MSG_GARBLED)
INVALID_UNKNOWN = error_answer(400, "invalid", MSG_UNKNOWN)
INVALID_QUERY = error_answer(400, "invalid", MSG_QUERY)
TOO_LARGE = error_answer(413, "invalid", MSG_BODY)
DEVICE_DOWN = error_answer(400, "timeout", MSG_DEVICE)

NOT_READY: dict[Contract, dict[SlotState, Answer]] = {
    Contract.ACCEPTED: {
        SlotState.IDLE: status_answer("Waiting_for_order", MSG_WAITING),
        SlotState.PREPARING: status_answer("in_process", MSG_PREPARING),
        SlotState.PAID: status_answer("notihing_to_pay", MSG_PAID),  # sic: MP's documented spelling
        SlotState.DEVICE_DOWN: DEVICE_DOWN,
    },
    Contract.ERROR: {
        SlotState.IDLE: error_answer(400, "unavailable", MSG_WAITING),
        SlotState.PREPARING: error_answer(400, "in_process", MSG_PREPARING),
        SlotState.PAID: error_answer(400, "unavailable", MSG_PAID),
        SlotState.DEVICE_DOWN: DEVICE_DOWN,
    },
}


@dataclass
class EndpointSettings:
    """What the endpoint answers with; `contract` may be switched while it runs."""

    contract: Contract = Contract.ACCEPTED
    client_id: str | None = None  # the `client-id` header, only for OAuth integrations
    path: str = DEFAULT_PATH
    max_query: int = DEFAULT_MAX_QUERY
    max_body: int = DEFAULT_MAX_BODY

    def __post_init__(self) -> None:
        self.contract = Contract.parse(self.contract)
        if not self.path.startswith("/") or "?" in self.path or "#" in self.path:
            raise ValueError("the endpoint path starts with '/' and has no query")
        if self.client_id is not None and not self.client_id.isascii():
            raise ValueError("the client id is ASCII")


def order_headers(settings: EndpointSettings) -> tuple[tuple[str, str], ...]:
    headers = [("order-version", "2")]
    if settings.client_id:
        headers.append(("client-id", settings.client_id))
    return tuple(headers)


_PLAIN_QUERY = re.compile(r"pos=([A-Za-z0-9]{1,39})")  # the url exactly as we build it: most calls


def pos_from_query(raw_query: str, max_query: int = DEFAULT_MAX_QUERY) -> str | Answer:
    """The POS id in a raw query string, or the "invalid" answer saying what is wrong."""
    plain = _PLAIN_QUERY.fullmatch(raw_query)
    if plain is not None:
        return plain.group(1)
    if len(raw_query) > max_query:
        return INVALID_QUERY
    try:
        pairs = parse_qsl(
            raw_query, keep_blank_values=True, encoding="utf-8", errors="strict", max_num_fields=MAX_QUERY_FIELDS
        )
    except (ValueError, UnicodeDecodeError):  # too many fields, or bytes that are not UTF-8
        return INVALID_QUERY if raw_query.count("&") + 1 > MAX_QUERY_FIELDS else INVALID_GARBLED
    values = {value for key, value in pairs if key == POS_PARAM}
    if not values:
        return INVALID_MISSING
    if len(values) != 1:
        return INVALID_GARBLED
    (pos,) = values
    if not POS_EXTERNAL_ID.match(pos):
        return INVALID_GARBLED
    return pos


def answer_for(book: OrderBook, settings: EndpointSettings, raw_query: str) -> Answer:
    """What Mercado Pago gets for one call, without the HTTP around it (pure but for the
    poll counters in `book`)."""
    pos = pos_from_query(raw_query, settings.max_query)
    if isinstance(pos, Answer):
        return pos
    polled = book.poll(pos)
    if polled is None:
        return INVALID_UNKNOWN
    state, order = polled
    if order is not None:
        return Answer(200, order.body, order_headers(settings))
    return NOT_READY[settings.contract][state]


BOOK = web.AppKey("book", OrderBook)
SETTINGS = web.AppKey("settings", EndpointSettings)


async def _body_too_large(request: web.Request, limit: int) -> bool:
    """Read and drop the body; True when it is over `limit` (the connection then closes)."""
    if request.content_length is not None and request.content_length > limit:
        return True
    if not request.body_exists:
        return False
    size = 0
    while True:
        chunk = await request.content.readany()
        if not chunk:
            return False
        size += len(chunk)
        if size > limit:
            return True


NOT_FOUND = error_answer(404, "invalid", "There is nothing at this path.")
NOT_ALLOWED = Answer(405, _body({"error": {"type": "invalid", "message": "Use GET."}}), (("Allow", "GET, HEAD, POST"),))
FAILED = error_answer(500, "unavailable", "The merchant endpoint failed; try again.")
METHODS = frozenset({"GET", "HEAD", "POST"})


async def handle(request: web.Request) -> web.StreamResponse:
    """Mercado Pago's call. Every outcome, even an unexpected error, is the contract's JSON."""
    if request.method not in METHODS:
        return NOT_ALLOWED.response()
    try:
        settings = request.app[SETTINGS]
        if await _body_too_large(request, settings.max_body):
            resp = TOO_LARGE.response()
            resp.force_close()
            return resp
        answer = answer_for(request.app[BOOK], settings, request.rel_url.raw_query_string)
    except Exception:
        log.exception("the unattended endpoint failed on %s %s", request.method, request.path)
        return FAILED.response()
    if answer.status >= 400:
        log.debug("unattended call %s %s answered %s", request.method, request.path, answer.status)
    return answer.response()


async def not_found(request: web.Request) -> web.StreamResponse:
    return NOT_FOUND.response()


def build_app(book: OrderBook, settings: EndpointSettings | None = None) -> web.Application:
    """The public aiohttp application: one route, the contract's answers. Other paths and
    methods get the contract's error envelope too (404, 405), with no middleware in the way."""
    settings = settings or EndpointSettings()
    app = web.Application(client_max_size=settings.max_body)
    app[BOOK] = book
    app[SETTINGS] = settings
    app.router.add_route("*", settings.path, handle)
    app.router.add_route("*", "/{tail:.*}", not_found)
    return app
