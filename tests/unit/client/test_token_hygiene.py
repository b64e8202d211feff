"""The access token never shows: not in reprs, errors, causes or log records."""

from __future__ import annotations

import copy
import logging
import pickle
from decimal import Decimal

import httpx
import pytest

from qrcashier.domain.money import site
from qrcashier.mercadopago import AccessToken, MercadoPagoError, RetryPolicy
from qrcashier.mercadopago.models import InstoreOrder, NewPos, OrderItem
from tests.support.leakwatch import production_shaped_token
from tests.unit.client import payloads as P
from tests.unit.client.conftest import json_reply

MLA = site("MLA")
ORDER = InstoreOrder("SALE-1", "Sale", Decimal("10"), (OrderItem("x", Decimal("10"), 1),))


def texts_of(exc: MercadoPagoError) -> list[str]:
    """Every way an error can be rendered or inspected."""
    out = [str(exc), repr(exc), exc.mp_message, exc.code or "", exc.user_message, str(exc.args)]
    out += [f"{c.code} {c.description}" for c in exc.causes]
    out.append(repr(exc.causes))
    return out


def assert_clean(token: str, *texts: str) -> None:
    for text in texts:
        assert token not in text, "the token leaked"


def test_access_token_renderings(token):
    t = AccessToken(token)
    assert_clean(token, str(t), repr(t), f"{t}", f"{t!r}", t.hint, t.redact(f"x {token} y"))
    assert t.hint.startswith("SANDBOX-") and t.hint.endswith(token[-4:])
    assert t.bearer_header() == f"Bearer {token}"
    assert t.redact(f"a{token}b{token}") == "a[token]b[token]"
    assert AccessToken(f"  {token}\n") == t  # stray whitespace from a paste


@pytest.mark.parametrize("value", ["", "   ", "two words", "tab\tinside"])
def test_access_token_refuses_bad_values(value):
    with pytest.raises(ValueError) as info:
        AccessToken(value)
    if value.strip():
        assert value not in str(info.value)


@pytest.mark.parametrize(
    "secret",
    [
        "APPUSR1234567890abcdef",
        "abc",
        "ab-cdefghijklmnopqrst",
        production_shaped_token("0d7a4c94f1e2e1b7c3b0d2d1b2a6c1e0"),
    ],
)
def test_hint_never_reveals_the_whole_secret(secret):
    t = AccessToken(secret)
    for text in (str(t), repr(t), t.hint):
        assert secret not in text
    assert len(t.hint) < len(secret) or len(secret) <= 4


def test_access_token_cannot_be_pickled_or_copied(token):
    t = AccessToken(token)
    with pytest.raises(TypeError):
        pickle.dumps(t)
    with pytest.raises(TypeError):
        copy.copy(t)
    with pytest.raises(TypeError):
        vars(t)  # no __dict__ to dump


def test_http_and_client_reprs(mp, token):
    assert_clean(token, str(mp.http), repr(mp.http), str(mp.client), repr(mp.client), repr(mp.http.token))


def _error_bodies(token: str) -> dict[str, str]:
    return {
        "classic": f'{{"message": "invalid access token {token}", "error": "unauthorized", "status": 401, "causes": '
        f'[{{"code": "401", "description": "token {token} is revoked"}}]}}',
        "payments": f'{{"message": "bad", "error": "e", "status": 401, '
        f'"cause": [{{"code": 1, "description": "Bearer {token}"}}]}}',
        "orders": f'{{"errors": [{{"code": "unauthorized", "message": "token {token}", '
        f'"details": ["header Bearer {token}"]}}]}}',
        "code": f'{{"message": "m", "error": "bad_token_{token}", "status": 401}}',
        "nested": f'{{"error": {{"type": "invalid", "message": "for {token}"}}}}',
    }


@pytest.mark.asyncio
@pytest.mark.parametrize("kind", ["classic", "payments", "orders", "code", "nested"])
@pytest.mark.parametrize("status", [400, 401, 403, 500])
async def test_error_body_echoing_the_token_is_redacted(harness_factory, token, kind, status):
    mp = harness_factory(RetryPolicy(attempts=1))
    mp.router.get("/users/me").mock(return_value=json_reply(status, _error_bodies(token)[kind]))
    with pytest.raises(MercadoPagoError) as info:
        await mp.client.get_me()
    assert info.value.status == status
    assert_clean(token, *texts_of(info.value))
    assert "[token]" in " ".join(texts_of(info.value))


@pytest.mark.asyncio
async def test_no_token_in_logs_or_errors_across_a_run(harness_factory, token, caplog):
    caplog.set_level(logging.DEBUG)
    mp = harness_factory(RetryPolicy(attempts=2))
    r = mp.router
    r.get("/users/me").mock(return_value=json_reply(200, P.USERS_ME))
    r.get("/pos/1").mock(side_effect=[json_reply(503, "{}"), json_reply(200, P.POS_CREATED)])
    r.get("/pos/2").mock(return_value=json_reply(401, _error_bodies(token)["classic"]))
    r.get("/pos/3").mock(side_effect=httpx.ReadTimeout(f"timed out sending Bearer {token}"))
    r.get("/pos/4").mock(side_effect=httpx.ConnectError(f"refused {token}"))
    r.get("/pos/5").mock(side_effect=httpx.RemoteProtocolError(f"dropped {token}"))
    r.get("/pos/6").mock(return_value=httpx.Response(200, text=f"<html>{token}</html>"))
    r.post("/pos").mock(return_value=json_reply(400, _error_bodies(token)["orders"]))
    r.post("/v1/payments/1/refunds").mock(
        side_effect=[json_reply(429, "{}", {"Retry-After": "1"}), json_reply(201, P.REFUND)]
    )
    r.put("/instore/qr/seller/collectors/1/stores/S1/pos/C1/orders").mock(return_value=httpx.Response(204))
    r.post("/instore/orders/qr/seller/collectors/1/pos/C1/qrs").mock(
        return_value=json_reply(403, _error_bodies(token)["code"])
    )

    errors: list[MercadoPagoError] = []
    await mp.client.get_me()
    await mp.client.get_pos(1)
    for pos_id in (2, 3, 4, 5, 6):
        try:
            await mp.client.get_pos(pos_id)
        except MercadoPagoError as exc:
            errors.append(exc)
    try:
        await mp.client.create_pos(NewPos(name="C", external_id="C1", store_id="1", external_store_id="S1"))
    except MercadoPagoError as exc:
        errors.append(exc)
    await mp.client.refund_payment(1, idempotency_key="k")
    await mp.client.put_instore_order(1, "S1", "C1", ORDER, MLA)
    try:
        await mp.client.create_dynamic_qr(1, "C1", ORDER, MLA)
    except MercadoPagoError as exc:
        errors.append(exc)

    assert len(errors) == 7
    for exc in errors:
        assert_clean(token, *texts_of(exc))
        assert exc.__cause__ is None and (exc.__context__ is None or exc.__suppress_context__)
    records = caplog.records
    assert any(rec.name == "qrcashier.mercadopago" and rec.levelno == logging.DEBUG for rec in records)
    assert any(rec.name == "qrcashier.mercadopago" and rec.levelno == logging.INFO for rec in records)
    for rec in records:
        text = rec.getMessage() + repr(rec.args) + repr(rec.__dict__)
        assert_clean(token, text)
    assert_clean(token, caplog.text)
    # The token did reach the wire, in the header and nowhere else.
    for call in mp.router.calls:
        assert call.request.headers["Authorization"] == f"Bearer {token}"
        assert token not in str(call.request.url) and token.encode() not in call.request.content
