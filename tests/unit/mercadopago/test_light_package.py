"""The package's light modules load without httpx or the client (they are on the path to the first paint)."""

from __future__ import annotations

import subprocess
import sys

import qrcashier.mercadopago as mercadopago


def modules_after(statement: str) -> set[str]:
    """The modules a fresh interpreter holds after running `statement`."""
    code = f"import sys\n{statement}\nprint('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    return set(out.stdout.split())


def test_vocabulary_secret_and_models_do_not_import_httpx_or_the_client():
    loaded = modules_after(
        "import qrcashier.mercadopago.vocabulary, qrcashier.mercadopago.secret, qrcashier.mercadopago.models"
    )
    assert "qrcashier.mercadopago.vocabulary" in loaded and "qrcashier.mercadopago.models" in loaded
    assert not {"httpx", "qrcashier.mercadopago.client", "qrcashier.mercadopago.http"} & loaded


def test_the_settings_module_does_not_import_httpx():
    assert "httpx" not in modules_after("import qrcashier.settings")


def test_every_public_name_still_imports_from_the_package():
    from qrcashier.mercadopago.client import MercadoPagoClient
    from qrcashier.mercadopago.errors import Timeout
    from qrcashier.mercadopago.secret import AccessToken

    assert mercadopago.MercadoPagoClient is MercadoPagoClient
    assert mercadopago.Timeout is Timeout and mercadopago.AccessToken is AccessToken
    for name in mercadopago.__all__:
        assert getattr(mercadopago, name).__name__ == name
    assert set(mercadopago.__all__) <= set(dir(mercadopago))


def test_an_unknown_name_is_an_attribute_error():
    try:
        mercadopago.NoSuchThing  # noqa: B018
    except AttributeError as exc:
        assert "NoSuchThing" in str(exc)
    else:
        raise AssertionError("an unknown name resolved")
