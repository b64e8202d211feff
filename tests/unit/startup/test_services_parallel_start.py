"""services.Services (issue 15): the HTTP client is built on a worker thread and the journal opens
beside the start-up's requests; a start that fails leaves neither behind once closed."""

from __future__ import annotations

import asyncio
import threading

import pytest

from qrcashier.mercadopago import TokenMissing
from qrcashier.services import Options, Services


def journal_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("qrcashier-journal")]


@pytest.mark.asyncio
async def test_the_client_is_built_off_the_loop_thread(tmp_path, monkeypatch):
    import qrcashier.services as services_module

    built_on = []
    real = services_module._new_http_client
    monkeypatch.setattr(services_module, "_new_http_client",
                        lambda timeout: built_on.append(threading.current_thread()) or real(timeout))
    services = Services(Options(data_dir=tmp_path, sandbox=False, token=None))
    services.prepare()
    services.prepare()  # idempotent: one client
    with pytest.raises(TokenMissing):
        await services.start()
    assert len(built_on) == 1 and built_on[0] is not threading.main_thread()
    assert services.http is not None and services.http.timeout.connect == 4.0
    await services.close()
    assert services.http is None


@pytest.mark.asyncio
async def test_a_journal_opened_by_a_failed_start_is_closed_with_the_services(tmp_path):
    before = set(journal_threads())
    services = Services(Options(data_dir=tmp_path, sandbox=False, token=None))
    with pytest.raises(TokenMissing):  # fails before provisioning: the journal was opening meanwhile
        await services.start()
    assert services.journal is None and services._journal_opening is not None
    await services.close()
    assert services._journal_opening is None
    for _ in range(100):
        if set(journal_threads()) <= before:
            break
        await asyncio.sleep(0.01)
    assert set(journal_threads()) <= before
    assert (tmp_path / "journal.sqlite3").exists()


@pytest.mark.asyncio
async def test_a_retried_start_reuses_the_journal_being_opened(tmp_path, monkeypatch):
    from qrcashier.checkout import Journal

    opened = []
    real_open = Journal.open.__func__

    async def counting_open(cls, path):
        opened.append(path)
        return await real_open(cls, path)

    monkeypatch.setattr(Journal, "open", classmethod(counting_open))
    services = Services(Options(data_dir=tmp_path, sandbox=False, token=None))
    for _ in range(2):
        with pytest.raises(TokenMissing):
            await services.start()
    assert len(opened) == 1
    await services.close()
