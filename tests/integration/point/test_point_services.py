"""services.py's Point block: the embedded sandbox's demo terminal, a configured terminal, none;
the setting and the command line that choose it."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from qrcashier.checkout.gateway_point import PointGateway
from qrcashier.domain.cart import Cart
from qrcashier.domain.money import SITES
from qrcashier.domain.sale import AttemptState as S
from qrcashier.mercadopago.point import VIRTUAL_TERMINAL
from qrcashier.services import Options, Services
from tests.support.waiting import wait_until


async def _started(tmp_path: Path, **kwargs) -> Services:
    services = Services(Options(data_dir=tmp_path, sandbox=True, load_demo_catalog=False, **kwargs))
    await services.start()
    return services


@pytest.mark.asyncio
async def test_the_embedded_sandbox_gives_the_register_its_demo_terminal_and_takes_a_card(tmp_path: Path):
    services = await _started(tmp_path)
    try:
        assert isinstance(services.point, PointGateway) and services.point.terminal_id == VIRTUAL_TERMINAL
        assert services.engine.gateways["point"] is services.point
        assert services.point_terminal_url and "/sandbox/point/terminal/" in services.point_terminal_url
        async with httpx.AsyncClient() as http:
            page = await http.get(services.point_terminal_url)
        assert page.status_code == 200 and "Tap card" in page.text
        await services.engine.start()
        cart = Cart(SITES["MLA"])
        cart.add("Alfajor", "850.00", 2)
        attempt = await services.engine.charge(cart, tender="point")
        await services.sandbox_control("POST", f"/sandbox/point/terminals/{VIRTUAL_TERMINAL}/approve", {})

        async def paid() -> bool:
            return (await services.engine.attempt(attempt.id)).state == S.PAID

        await wait_until(paid, what="the card sale to be paid")
    finally:
        await services.close()


@pytest.mark.asyncio
async def test_a_register_without_a_terminal_has_no_point_gateway(tmp_path: Path):
    services = await _started(tmp_path, point_terminal="")
    try:
        assert services.point is None and "point" not in services.engine.gateways
        assert services.point_terminal_url is None
    finally:
        await services.close()


def test_the_command_line_and_the_settings_choose_the_terminal(tmp_path: Path):
    from qrcashier.cli import build_parser
    from qrcashier.settings import NO_TERMINAL, AppSettings, Mode
    from qrcashier.settings_store import MemoryStore

    args = build_parser().parse_args(["--point-terminal", "PAX_A910__SMARTPOS1234", "--data-dir", str(tmp_path)])
    opts = Options.from_args(args)
    assert opts.point_terminal == "PAX_A910__SMARTPOS1234" and "point_terminal" in opts.from_command_line
    assert Options.from_args(build_parser().parse_args(["--point-terminal", "none"])).point_terminal == ""
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--point-terminal", "not a terminal"])

    settings = AppSettings(MemoryStore())  # the settings over a dict: no Qt here
    assert settings.point_terminal is None
    settings.point_terminal = "NEWLAND_N950__ABC123"
    assert settings.point_terminal == "NEWLAND_N950__ABC123"
    with pytest.raises(ValueError):
        settings.point_terminal = "nope"
    settings.mode = Mode.ACCOUNT
    fresh = Options(data_dir=tmp_path)
    settings.apply_to(fresh)
    assert fresh.point_terminal == "NEWLAND_N950__ABC123"
    settings.apply_to(opts)  # the command line wins for this run
    assert opts.point_terminal == "PAX_A910__SMARTPOS1234"
    settings.point_terminal = None
    settings.apply_to(fresh)
    assert fresh.point_terminal == ""  # an account's register without a terminal: none
    # "No card terminal" chosen in setup: none, even on the embedded sandbox (which otherwise
    # gives the register Mercado Pago's virtual test terminal)
    settings.mode = Mode.SANDBOX
    sandbox = Options(data_dir=tmp_path, sandbox=True)
    settings.apply_to(sandbox)
    assert sandbox.point_terminal is None  # not chosen: the sandbox's virtual terminal
    settings.point_terminal = NO_TERMINAL
    assert settings.point_terminal is None and settings.point_terminal_off
    settings.apply_to(sandbox)
    assert sandbox.point_terminal == "" and Services(sandbox).point_terminal is None
