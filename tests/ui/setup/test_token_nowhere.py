"""After a real-account setup and a whole sale, the token is in the keyring and nowhere else:
not in QSettings, the journal (and its WAL), the app's files, the log, or the support text."""

from __future__ import annotations

import logging
from decimal import Decimal
from pathlib import Path

import pytest

from qrcashier.setup.support_text import support_text
from qrcashier.token_store import SERVICE
from tests.support.waiting import wait_until
from tests.ui.setup.drive import account_wizard
from tests.ui.setup.helpers import control

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]


def files_under(folder):
    return [p for p in folder.rglob("*") if p.is_file()]


async def test_the_token_is_in_the_keyring_and_nowhere_else(
    qtbot, make_env, settings, tokens, memory_keyring, sandbox, http, token, tmp_path, caplog
):
    from qrcashier.checkout.config import PollPolicy
    from qrcashier.domain.cart import Cart
    from qrcashier.domain.sale import AttemptState
    from qrcashier.services import Options, Services

    log_file = tmp_path / "app.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    caplog.set_level(logging.DEBUG)
    try:
        await account_wizard(qtbot, make_env(), token, tmp_path)
        assert memory_keyring.store == {(SERVICE, settings.keyring_account): token}

        data = tmp_path / "data"
        data.mkdir()
        options = settings.apply_to(Options(data_dir=data, load_demo_catalog=False,
                                            poll=PollPolicy(interval=0.05, tick=0.1)), tokens)
        options.base_url = sandbox.base_url
        services = Services(options)
        try:
            await services.start()
            await services.engine.start()
            cart = Cart(services.site)
            cart.add("Yerba", Decimal("1500"), 2)
            attempt = await services.engine.charge(cart)
            await control(http, sandbox, token, "POST", f"/sandbox/pos/{settings.pos_external_id}/pay",
                          {"status": "approved"})

            async def paid() -> bool:
                return (await services.engine.attempt(attempt.id)).state == AttemptState.PAID

            await wait_until(paid, 5, "the sale to be paid")
        finally:
            await services.close()
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()

    settings.sync()
    secret = token.encode()
    assert secret not in Path(settings.file_name).read_bytes()
    for path in files_under(data):  # journal.sqlite3 (+ -wal, -shm), catalog, anything else
        assert secret not in path.read_bytes(), path
    assert log_file.stat().st_size > 1000 and secret not in log_file.read_bytes()
    assert token not in caplog.text and len(caplog.records) > 50
    assert token not in support_text(settings, tokens)
    assert not any(token in str(v) for v in (settings.q.value(k) for k in settings.keys()))

