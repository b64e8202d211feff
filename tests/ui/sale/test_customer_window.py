"""ui/sale/customer_window.py: every state, the amount per site, the QR shown, countdown, phone link."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QGuiApplication

from qrcashier.domain.money import SITES
from qrcashier.ui.sale import customer_window as cwmod
from qrcashier.ui.sale.customer_window import (
    COUNTDOWN_STATES,
    QR_STATES,
    STATES,
    TEXTS,
    CustomerWindow,
    choose_screen,
    format_countdown,
)
from qrcashier.ui.shell import theme
from tests.support.samples import DYNAMIC_BR, STATIC_AR
from tests.ui.qrdecode import decode_one

ARS = SITES["MLA"]


@pytest.fixture
def cw(qtbot):
    w = CustomerWindow()
    qtbot.addWidget(w)
    w.resize(1024, 768)
    w.set_store_name("Almacén Don Pepe")
    w.set_static_qr(STATIC_AR)
    w.show()
    qtbot.waitExposed(w)
    return w


EXPECTED_GLYPH = {
    "publishing": "dots",
    "verifying": "dots",
    "paid": "check",
    "expired": "clock",
    "cancelled": "cross",
    "needs_review": "alert",
    "failed": "alert",
}


@pytest.mark.parametrize("state", STATES)
def test_every_state(cw, state):
    cw.set_language("en")
    cw.show_charge(Decimal("1234.50"), ARS)
    cw.set_countdown(300)
    cw.set_state(state)
    assert cw.state() == state
    assert cw.state_text() == TEXTS["en"][state]
    assert cw.band_colours() == theme.STATE_COLOURS[cwmod.COLOUR_OF.get(state, state)]
    if state == "idle":
        assert cw.amount_text() == "Almacén Don Pepe"  # the welcome screen: no amount
        assert cw.shown_qr() is None and cw.glyph() is None
    else:
        assert cw.amount_text() == "$ 1.234,50"
    if state in QR_STATES:
        assert cw.shown_qr() == STATIC_AR and cw.glyph() is None
    elif state != "idle":
        assert cw.shown_qr() is None
        assert cw.glyph() == EXPECTED_GLYPH[state]
    assert bool(cw.countdown_text()) == (state in COUNTDOWN_STATES)


def test_brief_texts_in_english():
    en = TEXTS["en"]
    assert en["waiting"] == "Scan to pay"
    assert en["scanned"] == "Customer scanned, waiting for payment"
    assert en["rejected"] == "Payment rejected — you can try again"
    assert en["paid"] == "Paid — thank you!"
    assert en["expired"] == "Order expired"
    assert en["cancelled"] == "Order cancelled"
    assert en["idle"] == "Welcome"
    assert all(set(TEXTS[lang]) == set(en) for lang in TEXTS)


def test_state_colours_mean_something_and_are_readable():
    colours = theme.STATE_COLOURS
    assert set(colours) == set(STATES) - set(cwmod.COLOUR_OF)
    bg = {s: QColor(c[0]) for s, c in colours.items()}
    assert bg["paid"].green() > bg["paid"].red() and bg["paid"].green() > bg["paid"].blue()  # green
    assert bg["rejected"].red() > 200 and 120 < bg["rejected"].green() < 220 and bg["rejected"].blue() < 60  # amber
    assert colours["expired"] == colours["cancelled"] and bg["expired"].saturation() == 0  # grey
    assert colours["failed"] == colours["needs_review"] and bg["failed"].red() > 2 * bg["failed"].green()  # red
    # apart from those two pairs, every state has its own colour
    distinct = {c[0] for s, c in colours.items() if s not in ("cancelled", "needs_review")}
    assert len(distinct) == len(STATES) - len(cwmod.COLOUR_OF) - 2
    for state, (back, text) in colours.items():
        assert theme.contrast_ratio(back, text) >= 4.5, state


def test_amount_is_formatted_for_the_site_and_language_follows(cw):
    cw.show_charge(Decimal("89.9"), SITES["MLB"])
    assert cw.amount_text() == "R$ 89,90"
    assert cw.state() == "waiting" and cw.state_text() == "Escaneie para pagar"
    cw.show_charge(Decimal("15990"), SITES["MLC"])
    assert cw.amount_text() == "$ 15.990"
    assert cw.state_text() == "Escanee para pagar"  # Chile: usted (voseo only for MLA and MLU)
    cw.show_charge(Decimal("1500"), SITES["MLU"])
    assert cw.state_text() == "Escaneá para pagar"  # Uruguay: voseo, as Argentina
    cw.show_charge(Decimal("1500"), SITES["MLM"])
    assert cw.amount_text() == "$1,500.00"
    cw.set_language("en")
    assert cw.state_text() == "Scan to pay"
    cw.show_charge(Decimal("10"), SITES["MLB"])
    assert cw.state_text() == "Scan to pay"  # a fixed language stays


def test_message_line(cw):
    cw.show_charge(Decimal("100"), ARS)
    cw.set_state("rejected", "Fondos insuficientes")
    assert cw.message_text() == "Fondos insuficientes"
    cw.set_state("waiting")
    assert cw.message_text() == ""


def test_dynamic_qr_wins_and_idle_clears_it(cw):
    cw.show_charge(Decimal("100"), ARS, qr_data=DYNAMIC_BR)
    assert cw.shown_qr() == DYNAMIC_BR
    cw.set_state("paid")
    cw.set_state("idle")
    cw.show_charge(Decimal("200"), ARS)
    assert cw.shown_qr() == STATIC_AR


def test_the_window_shows_a_qr_that_scans(cw, qtbot):
    cw.show_charge(Decimal("1234.50"), ARS)
    shot = cw.grab().toImage()
    assert shot.width() == 1024 and shot.height() == 768
    assert decode_one(shot).text == STATIC_AR
    cw.set_state("paid")
    with pytest.raises(AssertionError):
        decode_one(cw.grab().toImage())  # no QR left to scan once paid


def test_no_qr_configured(qtbot):
    w = CustomerWindow()
    qtbot.addWidget(w)
    w.show_charge(Decimal("100"), ARS)
    assert w.shown_qr() is None
    assert w.qr_view.isVisibleTo(w)
    assert w.qr_view.placeholder() == "Sin QR configurado"


def test_fonts_are_large_and_nothing_is_clipped(cw):
    cw.show_charge(Decimal("999999999.99"), ARS)
    amount = cw._amount_label
    assert QFontMetrics(amount.font()).horizontalAdvance(amount.text()) <= amount.width()
    cw.show_charge(Decimal("12345.50"), ARS)
    assert amount.font().pixelSize() >= 60  # about 16 mm on a 96 dpi screen: readable from 1.5 m
    for lang in TEXTS:
        cw.set_language(lang)
        for state in STATES:
            cw.set_state(state, "Fondos insuficientes" if state == "rejected" else None)
            if state != "idle":
                cw.show_charge(Decimal("12345.50"), ARS)
                cw.set_state(state, "Fondos insuficientes" if state == "rejected" else None)
            label = cw._state_label
            assert label.font().pixelSize() >= 36, (lang, state)
            need = QFontMetrics(label.font()).boundingRect(
                QRect(0, 0, label.width(), 10_000), Qt.TextFlag.TextWordWrap, label.text()
            )
            assert need.height() <= label.height() and need.width() <= label.width(), (lang, state)
    assert cw.qr_view.width() >= 300  # the QR keeps a good share of a 1024x768 screen


def test_countdown_formats_and_ticks(cw, qtbot, monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(cwmod.time, "monotonic", lambda: now[0])
    cw.show_charge(Decimal("100"), ARS)
    cw.set_countdown(125)
    assert cw.countdown_text() == "Vence en 2:05"
    now[0] += 100
    qtbot.waitUntil(lambda: cw.countdown_text() == "Vence en 0:25", timeout=2000)
    assert "#b71c1c" in cw._countdown.styleSheet()  # urgent: red
    now[0] += 60
    qtbot.waitUntil(lambda: cw.countdown_text() == "Vence en 0:00", timeout=2000)
    qtbot.waitUntil(lambda: not cw._ticker.isActive(), timeout=2000)
    cw.set_countdown(None)
    assert cw.countdown_text() == ""


def test_countdown_stops_in_final_states(cw):
    cw.show_charge(Decimal("100"), ARS)
    cw.set_countdown(60)
    assert cw._ticker.isActive()
    cw.set_state("paid")
    assert cw.countdown_text() == "" and not cw._ticker.isActive()


@pytest.mark.parametrize(("seconds", "text"), [(0, "0:00"), (-5, "0:00"), (59.2, "1:00"), (61, "1:01"), (600, "10:00")])
def test_format_countdown(seconds, text):
    assert format_countdown(seconds) == text


def test_phone_button_only_with_url_and_opens_it(cw, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(cwmod, "open_url", opened.append)
    assert not cw.phone_button().isVisible()
    url = "http://127.0.0.1:8765/sandbox/phone?pos=CAJA1"
    cw.set_phone_url(url)
    assert cw.phone_button().isVisible()
    with qtbot.waitSignal(cw.phone_page_requested) as sig:
        qtbot.mouseClick(cw.phone_button(), Qt.MouseButton.LeftButton)
    assert sig.args == [url] and opened == [url]
    cw.set_phone_url(None)
    assert not cw.phone_button().isVisible()


def test_bad_input_is_refused(cw):
    with pytest.raises(ValueError):
        cw.set_state("approved")
    with pytest.raises(TypeError):
        cw.show_charge(12.5, ARS)
    with pytest.raises(ValueError):
        cw.set_language("fr")


def test_go_fullscreen_on_the_only_screen(cw, qtbot):
    screen = cw.go_fullscreen_on(None)
    assert screen.name() == QGuiApplication.primaryScreen().name()
    qtbot.waitUntil(cw.isFullScreen, timeout=2000)
    assert cw.screen().name() == screen.name()
    cw.showNormal()


class FakeScreen:
    def __init__(self, name: str) -> None:
        self._name = name

    def name(self) -> str:
        return self._name


def test_choose_screen_prefers_a_second_monitor():
    a, b, c = FakeScreen("DP-1"), FakeScreen("HDMI-1"), FakeScreen("DP-2")
    assert choose_screen([a, b, c], a) is b
    assert choose_screen([b, a], a) is b
    assert choose_screen([a], a) is a


def test_window_shrinks_and_grows_with_the_qr(cw, qtbot):
    cw.show_charge(Decimal("1234567.50"), ARS)
    big = cw.qr_view.width()
    cw.resize(640, 480)
    assert cw.size().width() == 640 and cw.size().height() == 480  # the QR's old size doesn't block it
    assert cw.qr_view.width() < big
    assert decode_one(cw.grab().toImage()).text == STATIC_AR
    cw.resize(1280, 1024)
    assert cw.qr_view.width() > big
    assert decode_one(cw.grab().toImage()).text == STATIC_AR


@pytest.mark.parametrize(("opens", "shown"), [(True, False), (False, True)])
def test_phone_button_shows_the_address_when_no_browser_opens(cw, qtbot, monkeypatch, opens, shown):
    monkeypatch.setattr(cwmod, "open_url", lambda url: opens)
    url = "http://127.0.0.1:8765/sandbox/phone?pos=CAJA1"
    cw.show_charge(Decimal("10"), SITES["MLB"])
    cw.set_phone_url(url)
    qtbot.mouseClick(cw.phone_button(), Qt.MouseButton.LeftButton)
    assert (url in cw.phone_link_text()) is shown
    if shown:
        assert cw.phone_link_text().startswith("Nenhum navegador abriu")  # the site's language


def test_a_text_is_measured_once_per_box_and_state_changes_do_not_refit(cw, monkeypatch):
    """Issue 15: re-fitting every label on each state change stalled the window; a text already
    fitted into the same box is not measured again, and the fonts still follow a new text."""
    measured = []
    real = cwmod._measure_pixel_size
    monkeypatch.setattr(cwmod, "_measure_pixel_size", lambda *a: measured.append(a[1]) or real(*a))
    cwmod._FITTED.clear()
    cw.set_language("en")
    rounds = []
    for _ in range(2):
        cw.show_charge(Decimal("1234.50"), ARS)
        cw.set_state("scanned")
        cw.set_state("waiting")
        rounds.append(len(measured))
    assert TEXTS["en"]["scanned"] in measured
    assert rounds[1] == rounds[0]  # the second round only looked the sizes up
    measured.clear()
    cw.set_state("waiting")  # nothing changed at all: no fitting
    assert measured == []
    cw.show_charge(Decimal("999999999.99"), ARS)  # a new, wider amount is measured and still fits
    amount = cw._amount_label
    assert amount.text() in measured
    assert QFontMetrics(amount.font()).horizontalAdvance(amount.text()) <= amount.width()


def test_the_countdown_style_sheet_is_set_only_when_it_turns_urgent(cw, qtbot, monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(cwmod.time, "monotonic", lambda: now[0])
    sheets = []
    real = cw._countdown.setStyleSheet
    monkeypatch.setattr(cw._countdown, "setStyleSheet", lambda s: sheets.append(s) or real(s))
    cw.show_charge(Decimal("100"), ARS)
    cw.set_countdown(125)
    for _ in range(3):
        now[0] += 1
        text = "Vence en " + format_countdown(125 - (now[0] - 1000))
        qtbot.waitUntil(lambda text=text: cw.countdown_text() == text, timeout=2000)
    assert len(sheets) == 1 and theme.INK in sheets[0]
    now[0] += 100
    qtbot.waitUntil(lambda: "#b71c1c" in cw._countdown.styleSheet(), timeout=2000)
    assert len(sheets) == 2


def test_prewarmed_fits_leave_no_state_sentence_to_measure_on_the_first_charge(cw, monkeypatch):
    cw.set_language("es")
    cw.show_charge(Decimal("8888.88"), ARS)
    cwmod._FITTED.clear()
    before = (cw.state(), cw.state_text(), cw.amount_text())
    cw.prewarm_fits()
    assert (cw.state(), cw.state_text(), cw.amount_text()) == before  # nothing on screen changed
    measured = []
    real = cwmod._measure_pixel_size
    monkeypatch.setattr(cwmod, "_measure_pixel_size", lambda *a: measured.append(a[1]) or real(*a))
    for state in ("publishing", "scanned", "paid", "expired", "needs_review"):
        cw.set_state(state)
        assert cw.state_text() not in measured, state
    cw.set_state("rejected", "Fondos insuficientes")  # with a message: the shorter band, also measured
    assert cw.state_text() not in measured
