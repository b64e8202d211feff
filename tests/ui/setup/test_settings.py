"""Typed settings over QSettings (in a temp folder), and the support text."""

from __future__ import annotations

from pathlib import Path

import pytest

from qrcashier.mercadopago.secret import AccessToken
from qrcashier.settings import AppSettings, Mode, SecretInSettings
from qrcashier.setup.support_text import support_text
from qrcashier.supervisor import hash_pin


def test_settings_live_in_the_temp_folder_and_round_trip(settings, isolated_qsettings):
    settings.mode = Mode.ACCOUNT
    settings.site = "mlb"
    settings.user_id = 1234567
    settings.store_external_id = "KIOSCO1"
    settings.store_id = "998877"
    settings.store_name = "Kiosco Centro"
    settings.pos_external_id = "CAJA1"
    settings.pos_id = 4455
    settings.register_name = "Caja 1"
    settings.printer = "EPSON TM-T20"
    settings.api_generation = "orders"
    settings.qr_mode = "hybrid"
    settings.language = "es"
    settings.setup_done = True
    settings.sync()
    assert Path(settings.file_name).exists() and Path(settings.file_name).is_relative_to(isolated_qsettings)
    again = AppSettings()
    assert (again.mode, again.site, again.user_id, again.pos_id) == (Mode.ACCOUNT, "MLB", 1234567, 4455)
    assert (again.store_external_id, again.store_id, again.register_name) == ("KIOSCO1", "998877", "Caja 1")
    assert (again.api_generation, again.qr_mode, again.language, again.printer) == (
        "orders",
        "hybrid",
        "es",
        "EPSON TM-T20",
    )
    assert again.register_id == "CAJA1" and again.is_configured()


def test_defaults_and_validation(settings):
    assert settings.mode is None and settings.api_generation == "instore_v2" and settings.qr_mode == "static"
    assert settings.printer is None and not settings.is_configured()
    with pytest.raises(ValueError):
        settings.pos_external_id = "CAJA-1"  # Mercado Pago: letters and digits only
    with pytest.raises(ValueError):
        settings.store_external_id = "K" * 61
    with pytest.raises(ValueError):
        settings.api_generation = "v9"
    with pytest.raises(ValueError):
        settings.pin_hash = "1234"  # only a hash, never a PIN


def test_a_token_is_refused_by_every_setter(settings, token):
    for name in ("store_name", "register_name", "nickname", "printer", "last_supervisor"):
        with pytest.raises(SecretInSettings):
            setattr(settings, name, token)
    settings.store_name = "Kiosco"
    settings.sync()
    assert token not in Path(settings.file_name).read_text(encoding="utf-8")


def test_apply_to_fills_the_app_options(settings, tokens, token, tmp_path):
    from qrcashier.services import Options

    settings.mode = Mode.ACCOUNT
    settings.site = "MLA"
    settings.store_external_id, settings.store_name = "KIOSCO1", "Kiosco"
    settings.pos_external_id, settings.register_name = "CAJA7", "Caja 7"
    settings.printer = "Receipts"
    tokens.set(AccessToken(token))
    options = settings.apply_to(Options(data_dir=tmp_path), tokens)
    assert not options.sandbox and options.token == token
    assert (options.store_external_id, options.pos_external_id, options.register_id) == ("KIOSCO1", "CAJA7", "CAJA7")
    assert (options.store_name, options.pos_name, options.printer_name) == ("Kiosco", "Caja 7", "Receipts")
    settings.mode = Mode.SANDBOX
    assert settings.apply_to(Options(data_dir=tmp_path), tokens).sandbox


def test_support_text_has_everything_but_secrets(settings, tokens, token):
    settings.mode = Mode.ACCOUNT
    settings.pos_external_id = "CAJA1"
    settings.pin_hash = hash_pin("482913")
    tokens.set(AccessToken(token))
    text = support_text(settings, tokens)
    assert "CAJA1" in text and "supervisor PIN: set" in text and "token saved in the test keyring" in text
    assert token not in text and "482913" not in text and "scrypt" not in text
