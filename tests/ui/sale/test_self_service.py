"""Self-service (unattended) mode in the app: the order waits on the app's merchant endpoint,
the sandbox plays Mercado Pago polling the POS url, and the window follows payment exactly
as in the attended flow."""

from __future__ import annotations

import pytest

from tests.ui.conftest import control, running_app, wait_until
from tests.ui.sale.test_sale import COKE, scan


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_a_self_service_sale_is_paid_through_the_merchant_endpoint(qtbot, tmp_path, token, put_log):
    async with running_app(qtbot, tmp_path, token, self_service=True) as w:
        services = w.services
        endpoint = services.endpoint
        assert endpoint is not None
        pos_url = endpoint.pos_url(services.options.pos_external_id)
        assert services.pos.url == pos_url and services.pos.fixed_amount  # the POS calls our endpoint
        log = put_log(w)

        scan(w.item_field, COKE)
        await w.charge()
        await wait_until(lambda: w.panel_state() == "waiting", what="waiting")
        # Nothing was placed on the POS itself: the order waits on the endpoint.
        assert not any(method == "PUT" and path.endswith("/orders") for method, path in log)
        assert endpoint.status(services.options.pos_external_id).state.name.lower() == "ready"

        await control(w, "POST", "scan")  # Mercado Pago (the sandbox) fetches the order from our url
        await control(w, "POST", "pay", {"status": "approved"})
        await wait_until(lambda: w.panel_state() == "paid" and w.last_receipt is not None, what="paid")
        assert len(w.last_receipt.payment_ids) == 1


@pytest.mark.asyncio
async def test_going_back_to_attended_takes_the_url_off_the_pos(tmp_path, token):
    from qrcashier.sandbox.server import SandboxServer
    from qrcashier.services import Options, Services

    server = await SandboxServer.start(host="127.0.0.1", port=0)
    try:
        async def start(self_service: bool):
            services = Services(Options(data_dir=tmp_path, sandbox=False, base_url=server.base_url,
                                        token=token, self_service=self_service, load_demo_catalog=False))
            await services.start()
            return services

        unattended = await start(True)
        pos_id = unattended.pos.id
        assert unattended.pos.url == unattended.endpoint.pos_url(unattended.options.pos_external_id)
        await unattended.close()

        attended = await start(False)  # same account, same POS, the register switched back
        try:
            assert attended.pos.id == pos_id and not attended.pos.url and attended.endpoint is None
        finally:
            await attended.close()
    finally:
        await server.close()
