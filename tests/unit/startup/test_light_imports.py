"""What the path to the first paint and to ready-to-charge imports: nothing it does not need."""

from __future__ import annotations

import qrcashier.unattended as unattended
from tests.support.imports import modules_after


def test_an_attended_registers_provisioning_does_not_load_the_merchant_endpoint():
    loaded = modules_after("import qrcashier.unattended.provisioning")
    assert "qrcashier.unattended.provisioning" in loaded
    assert not {"aiohttp", "qrcashier.unattended.server", "qrcashier.unattended.endpoint"} & loaded


def test_the_unattended_packages_names_still_import():
    from qrcashier.unattended.orders import SlotState
    from qrcashier.unattended.server import MerchantEndpoint

    assert unattended.MerchantEndpoint is MerchantEndpoint and unattended.SlotState is SlotState
    for name in unattended.__all__:
        assert getattr(unattended, name).__name__ == name


def test_the_settings_read_before_the_first_paint_do_not_load_the_mercado_pago_models():
    loaded = modules_after("import qrcashier.settings")
    assert "qrcashier.settings" in loaded and "qrcashier.mercadopago.vocabulary" in loaded
    assert not {"qrcashier.mercadopago.models", "qrcashier.mercadopago.models.accounts", "httpx"} & loaded


def test_the_models_still_export_the_external_id_patterns():
    from qrcashier.mercadopago import models, vocabulary

    assert models.POS_EXTERNAL_ID is vocabulary.POS_EXTERNAL_ID
    assert models.STORE_EXTERNAL_ID is vocabulary.STORE_EXTERNAL_ID
    assert vocabulary.POS_EXTERNAL_ID.match("A" * 39) and not vocabulary.POS_EXTERNAL_ID.match("A" * 40)
    assert vocabulary.STORE_EXTERNAL_ID.match("B" * 60) and not vocabulary.STORE_EXTERNAL_ID.match("B-1")


def test_the_main_window_and_the_till_load_no_engine_gateway_or_httpx_before_the_first_paint():
    loaded = modules_after("import qrcashier.ui.shell.main_window, qrcashier.ui.till.binder, qrcashier.ui.shell.app")
    assert {"qrcashier.ui.till.binder", "qrcashier.checkout.till_config"} <= loaded
    assert not {"httpx", "qrcashier.checkout.engine", "qrcashier.mercadopago.client",
                "qrcashier.checkout.journal"} & loaded


def test_the_checkout_packages_names_still_import():
    import qrcashier.checkout as checkout
    from qrcashier.checkout.engine import CheckoutEngine
    from qrcashier.checkout.journal import Journal

    assert checkout.CheckoutEngine is CheckoutEngine and checkout.Journal is Journal
    for name in checkout.__all__:
        assert getattr(checkout, name) is not None
    assert set(checkout.__all__) <= set(dir(checkout))


def test_the_catalog_for_the_first_paint_does_not_load_the_csv_import():
    loaded = modules_after("import qrcashier.catalog, qrcashier.services")
    assert "qrcashier.catalog.store" in loaded and "qrcashier.catalog.csv_import" not in loaded


def test_the_catalog_packages_names_still_import():
    import qrcashier.catalog as catalog
    from qrcashier.catalog import csv_import

    assert catalog.parse_csv is csv_import.parse_csv and catalog.ImportReport is csv_import.ImportReport
    for name in catalog.__all__:
        assert getattr(catalog, name).__name__ == name
