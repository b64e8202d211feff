"""A supervisor replaces or removes the token in Settings: the running client follows at once."""

from __future__ import annotations

import pytest

from qrcashier.mercadopago import AccessToken, RetryPolicy, TokenMissing, Unauthorized
from tests.support.leakwatch import production_shaped_token
from tests.unit.client.conftest import json_reply
from tests.unit.client.payloads import USERS_ME

pytestmark = pytest.mark.asyncio


async def test_the_next_request_carries_the_new_token(mp, bearer):
    mp.router.get("/users/me").mock(return_value=json_reply(200, USERS_ME))
    await mp.client.get_me()
    new = production_shaped_token("renewed")
    mp.http.replace_token(AccessToken(new))
    await mp.client.get_me()
    sent = [r.headers["Authorization"] for r in mp.requests]
    assert sent == [bearer, f"Bearer {new}"]


async def test_an_error_echoing_the_new_token_is_redacted_with_it(harness_factory):
    mp = harness_factory(RetryPolicy(attempts=1))
    new = production_shaped_token("renewed")
    mp.http.replace_token(AccessToken(new))
    mp.router.get("/users/me").mock(return_value=json_reply(401, f'{{"message": "bad token {new}"}}'))
    with pytest.raises(Unauthorized) as info:
        await mp.client.get_me()
    assert new not in str(info.value) and "[token]" in str(info.value)


async def test_a_removed_token_sends_nothing_and_says_so(mp):
    mp.router.get("/users/me").mock(return_value=json_reply(200, USERS_ME))
    mp.http.replace_token(None)
    with pytest.raises(TokenMissing) as info:
        await mp.client.get_me()
    assert isinstance(info.value, Unauthorized)  # the UI's 401 path: the supervisor's token page
    assert "ask a supervisor" in info.value.user_message and info.value.path == "/users/me"
    assert mp.requests == []
