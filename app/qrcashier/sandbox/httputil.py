"""Small aiohttp helpers shared by the MP routes and the control routes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from aiohttp import web

from qrcashier.sandbox.errors import ApiError, bad_request
from qrcashier.sandbox.state import SandboxState

if TYPE_CHECKING:
    from qrcashier.sandbox.unattended import UnattendedPoller


@dataclass
class Context:
    """What every handler needs: the state, the URL the sandbox answers on, and the
    poller that asks an unattended POS's url for its order."""

    state: SandboxState
    base_url: str = ""
    unattended: UnattendedPoller | None = None


CONTEXT = web.AppKey("sandbox_context", Context)


def context(request: web.Request) -> Context:
    return request.app[CONTEXT]


def bearer(request: web.Request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


async def read_json(request: web.Request) -> Any:
    """The body parsed with Decimal numbers; None when empty; 400 when it is not JSON."""
    raw = await request.read()
    if not raw.strip():
        return None
    try:
        return json.loads(raw, parse_float=Decimal, parse_constant=_no_constants)
    except (ValueError, UnicodeDecodeError):
        raise bad_request("bad_request", "The request body is not valid JSON") from None


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    return web.json_response(data, status=status, headers=headers)


def error_response(error: ApiError) -> web.Response:
    return json_response(error.body(), status=error.status, headers=error.headers)


def query_int(
    request: web.Request, name: str, default: int, *, maximum: int | None = None, error: str = "bad_request"
) -> int:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or (maximum is not None and int(raw) > maximum):
        limit = f" (at most {maximum})" if maximum is not None else ""
        raise bad_request(error, f"{name} must be a whole number{limit}")
    return int(raw)


def path_int(request: web.Request, name: str, error: ApiError) -> int:
    raw = request.match_info[name]
    if not raw.isdigit():
        raise error
    return int(raw)
