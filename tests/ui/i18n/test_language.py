"""Choosing the language, installing it (ours and Qt's own strings), numbers, engine sentences."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from qrcashier.domain.money import SITES
from qrcashier.domain.receipt import format_money
from qrcashier.domain.sale import STATE_MESSAGES
from qrcashier.mercadopago import errors as mp_errors
from qrcashier.settings import AppSettings
from qrcashier.ui.shell import engine_texts, i18n


@pytest.fixture
def language(qapp):
    """Install a language for one test; English (the sources) again afterwards."""
    yield lambda code, **kw: i18n.install(qapp, code, **kw)
    i18n.uninstall(qapp)


@pytest.mark.parametrize(
    ("code", "expected"),
    [("es", "es"), ("es_AR", "es"), ("es-419", "es"), ("ES_mx.UTF-8", "es"), ("pt", "pt_BR"), ("pt_BR", "pt_BR"),
     ("pt-PT", "pt_BR"), ("en_US", "en"), ("en", "en"), ("de_DE", None), ("", None), ("auto", None), (None, None)],
)
def test_normalize(code, expected):
    assert i18n.normalize(code) == expected


def test_the_choice_override_then_settings_then_the_os(tmp_path):
    settings = AppSettings.from_file(tmp_path / "s.ini")
    brazil, germany = QLocale("pt_BR"), QLocale("de_DE")
    assert i18n.choose_language(settings=settings, locale=brazil) == "pt_BR"  # nothing chosen: the OS
    assert i18n.choose_language(settings=settings, locale=QLocale("es_CO")) == "es"
    assert i18n.choose_language(settings=settings, locale=germany) == "en"  # a language we do not have
    settings.language = "es"
    assert i18n.choose_language(settings=settings, locale=brazil) == "es"  # the setting wins over the OS
    settings.language = "pt"
    assert i18n.choose_language(settings=settings, locale=germany) == "pt_BR"
    assert i18n.choose_language("en", settings=settings, locale=brazil) == "en"  # --lang wins over both
    assert i18n.choose_language("xx", settings=settings, locale=brazil) == "pt_BR"  # an unknown --lang is ignored


@pytest.mark.parametrize(("code", "cancel", "yes"), [("es", "Cancelar", "Sí"), ("pt_BR", "Cancelar", "Sim")])
def test_qt_standard_buttons_follow_the_language(language, code, cancel, yes):
    assert language(code) == code
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Yes)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == cancel
    assert box.button(QDialogButtonBox.StandardButton.Yes).text().replace("&", "") == yes
    box.deleteLater()


def test_english_is_the_source_and_uninstall_goes_back(language, qapp):
    language("es")
    assert i18n.current() == "es" and QApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
    i18n.uninstall(qapp)
    assert i18n.current() == "en"
    box = QMessageBox(QMessageBox.Icon.Question, "t", "q", QMessageBox.StandardButton.No)
    assert box.button(QMessageBox.StandardButton.No).text().replace("&", "") == "No"
    box.deleteLater()


def test_our_widgets_follow_the_language(language, qtbot):
    from qrcashier.ui.sale.status_panel import StatusPanel

    language("es")
    panel = StatusPanel()
    qtbot.addWidget(panel)
    panel.set_state("waiting")
    assert panel.title.text() == "Esperando al cliente"
    language("pt_BR")
    panel.set_state("paid")
    assert panel.title.text() == "Pago"


@pytest.mark.parametrize(
    ("code", "site", "number"),
    [("es", "MLA", "1.234,50"), ("es", "MLM", "1,234.50"), ("pt_BR", "MLB", "1.234,50"), ("en", "MLA", "1,234.50")],
)
def test_numbers_follow_the_locale_and_money_the_site(language, code, site, number):
    language(code, site_locale=SITES[site].locale)
    assert QLocale().toString(1234.5, "f", 2) == number
    assert format_money(Decimal("1234.5"), SITES["MLA"]) == "$ 1.234,50"  # money: always the site's way
    assert format_money(Decimal("1234.5"), SITES["MLB"]) == "R$ 1.234,50"


def test_numbers_without_a_site_use_the_os_when_it_speaks_the_language():
    assert i18n.number_locale("es", None, QLocale("es_CL")).name() == "es_CL"
    assert i18n.number_locale("es", None, QLocale("en_US")).name() == "es_419"
    assert i18n.number_locale("pt_BR", "es_AR", QLocale("en_US")).name() == "pt_BR"


def test_engine_sentences_are_translated_at_the_ui(language):
    language("es")
    t = i18n.engine_text
    assert t(STATE_MESSAGES["paid"]) == "Pagado. El comprobante se está imprimiendo."
    # a typed error's sentence joined with the engine's own
    joined = f"{mp_errors.Unreachable.default_user_message} The sale is kept; you can charge it again."
    assert t(joined) == (
        "No se puede conectar con Mercado Pago: revise la conexión a internet. "
        "La venta se conserva; puede cobrarla de nuevo."
    )
    # templates keep their changing parts and translate the known sentences inside them
    assert t("Refunded 150.00.") == "Se devolvieron 150.00."
    assert t(f"Could not remove the order from the QR: {mp_errors.Timeout.default_user_message}") == (
        "No se pudo quitar la orden del QR: Mercado Pago no respondió a tiempo; se vuelve a consultar."
    )
    assert t("Something nobody listed.") == "Something nobody listed."
    assert t("") == ""
    language("pt_BR")
    assert t(STATE_MESSAGES["waiting"]) == "O pedido está no QR: o cliente pode escanear e pagar."


def test_engine_texts_list_every_state_message_and_typed_error():
    listed = set(engine_texts.SENTENCES)
    missing = [m for m in STATE_MESSAGES.values() if m not in listed]
    errors = [cls for cls in vars(mp_errors).values()
              if isinstance(cls, type) and issubclass(cls, mp_errors.MercadoPagoError)]
    missing += [cls.default_user_message for cls in errors if cls.default_user_message not in listed]
    missing += [m for m in (mp_errors.NotFound(code="pos_obtainment_error").user_message,) if m not in listed]
    assert not missing, missing
    assert all(template.count("%1") == 1 for template in engine_texts.TEMPLATES)


@pytest.mark.parametrize(("code", "look_in"), [("es", "Ver en:"), ("pt_BR", "Procurar em:")])
def test_qt_file_dialog_follows_the_language(language, code, look_in):
    """Issue 14.8: Qt's own dialogs (Save as PDF's file dialog) speak the language too, from the
    qtbase_<lang>.qm the PySide6 wheel ships, loaded with ours."""
    from PySide6.QtCore import QCoreApplication

    language(code)
    assert QCoreApplication.translate("QFileDialog", "Look in:") == look_in
    assert QCoreApplication.translate("QFileDialog", "Files of type:") != "Files of type:"
