"""What the setup wizard calls for a self-service register: the POS gets the endpoint's url."""

from __future__ import annotations

import pytest

from qrcashier.mercadopago import Forbidden
from qrcashier.provisioning import RegisterSpec
from qrcashier.unattended.provisioning import ensure_attended_pos, ensure_unattended_pos
from tests.integration.sandbox_unattended.conftest import POS, STORE, Rig

pytestmark = pytest.mark.asyncio


async def test_a_new_register_is_created_unattended(rig: Rig) -> None:
    url = rig.endpoint.pos_url("PUMP2")
    made = await ensure_unattended_pos(rig.client, RegisterSpec(STORE, "PUMP2", pos_name="Pump 2"), url)
    assert made.created_pos and made.pos.url == url and made.pos.fixed_amount
    again = await ensure_unattended_pos(rig.client, RegisterSpec(STORE, "PUMP2", pos_name="Pump 2"), url)
    assert not again.created_pos and again.pos.id == made.pos.id and again.pos.url == url


async def test_an_existing_register_switches_models(rig: Rig) -> None:
    spec = RegisterSpec(STORE, POS, pos_name="Pump 1")
    attended = await ensure_attended_pos(rig.client, spec)
    assert attended.pos.url is None
    scan = await rig.scan()  # an attended POS with no order: nothing to scan, nobody is asked
    assert scan.status_code == 409 and rig.endpoint.status(POS).polls == 0
    unattended = await ensure_unattended_pos(rig.client, spec, rig.endpoint.pos_url(POS))
    assert unattended.pos.url == rig.endpoint.pos_url(POS)


async def test_bad_urls_are_refused_before_any_call(rig: Rig) -> None:
    spec = RegisterSpec(STORE, POS)
    for url in ("ftp://x.example/p", "https://x.example/" + "p" * 300, "not a url"):
        with pytest.raises(ValueError):
            await ensure_unattended_pos(rig.client, spec, url)


async def test_a_domain_mercado_pago_has_not_enabled_is_a_clear_error(rig: Rig) -> None:
    # Mercado Pago answers 403 when the url's domain was not enabled for the account (§5.2).
    r = await rig.control("POST", "/sandbox/account/url-domains", {"domains": ["pagos.example.com"]})
    assert r.status_code == 200 and r.json()["url_domains"] == ["pagos.example.com"], r.text
    with pytest.raises(Forbidden) as info:
        await ensure_unattended_pos(rig.client, RegisterSpec(STORE, POS), "https://pay.example.com/mp?pos=PUMP1")
    assert info.value.status == 403 and info.value.method == "PUT"
    # the enabled domain (and its subdomains) is accepted
    done = await ensure_unattended_pos(rig.client, RegisterSpec(STORE, POS), "https://caja.pagos.example.com/mp?pos=PUMP1")
    assert done.pos.url == "https://caja.pagos.example.com/mp?pos=PUMP1" and done.pos.fixed_amount is True
