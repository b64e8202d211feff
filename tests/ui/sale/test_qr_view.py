"""ui/sale/qr_view.py: the QR decodes back to the exact payload, crisp, full QR, 4-module quiet zone."""

from __future__ import annotations

import numpy as np
import pytest
import segno
import zxingcpp

from qrcashier.ui.sale.qr_view import QUIET_ZONE, QrView, make_symbol, module_scale, qr_image, symbol_modules
from tests.support.samples import DYNAMIC_BR, STATIC_AR
from tests.ui.qrdecode import decode, decode_one, grey_array


def matrix(payload: str) -> np.ndarray:
    """The symbol as booleans (True = dark), quiet zone included."""
    rows = make_symbol(payload).matrix_iter(scale=1, border=QUIET_ZONE)
    return np.array([[bool(v) for v in row] for row in rows])


@pytest.mark.parametrize("payload", [STATIC_AR, DYNAMIC_BR, "12345"])
def test_qr_image_round_trip(payload):
    img = qr_image(payload, 300)
    result = decode_one(img)
    assert result.text == payload
    assert result.format == zxingcpp.BarcodeFormat.QRCode  # not MicroQRCode, even for "12345"


@pytest.mark.parametrize("payload", [STATIC_AR, "12345"])
def test_symbol_is_full_qr_level_m_or_better(payload):
    qr = make_symbol(payload)
    assert not qr.is_micro
    assert qr.error in ("M", "Q", "H")
    assert not qr.designator.startswith("M")
    # a plain segno.make would pick Micro QR for the short one: the rule matters
    if payload == "12345":
        assert segno.make(payload).is_micro


def test_qr_image_is_pixel_exact_two_level_and_has_quiet_zone():
    target = 333
    img = qr_image(STATIC_AR, target)
    arr = grey_array(img)
    n = symbol_modules(STATIC_AR)
    scale = module_scale(STATIC_AR, target)
    assert scale == target // n and scale >= 2
    assert arr.shape == (n * scale, n * scale)
    assert set(np.unique(arr)) == {0, 255}
    # every pixel is its module's colour: integer, nearest-neighbour scaling
    expected = np.kron(matrix(STATIC_AR), np.ones((scale, scale), dtype=bool))
    assert np.array_equal(arr == 0, expected)
    # quiet zone: exactly 4 white modules, then the finder pattern's dark corner
    q = QUIET_ZONE * scale
    for band in (arr[:q], arr[-q:], arr[:, :q], arr[:, -q:]):
        assert (band == 255).all()
    assert arr[q, q] == 0
    assert QUIET_ZONE >= 4


def test_qr_image_never_goes_below_one_pixel_per_module():
    img = qr_image(STATIC_AR, 10)
    assert img.width() == symbol_modules(STATIC_AR)
    assert decode_one(img).text == STATIC_AR


def test_widget_round_trip_centred_and_crisp(qtbot):
    view = QrView()
    qtbot.addWidget(view)
    view.set_payload(DYNAMIC_BR)
    view.resize(420, 300)
    view.show()
    qtbot.waitExposed(view)
    grab = view.grab().toImage()
    arr = grey_array(grab)
    assert arr.shape == (300, 420)
    assert set(np.unique(arr)) == {0, 255}  # no smoothing, white background
    assert decode_one(grab).text == DYNAMIC_BR
    # centred: the dark modules' bounding box has equal margins (within a pixel)
    ys, xs = np.nonzero(arr == 0)
    left, right = xs.min(), arr.shape[1] - 1 - xs.max()
    top, bottom = ys.min(), arr.shape[0] - 1 - ys.max()
    assert abs(left - right) <= 1 and abs(top - bottom) <= 1
    # at least 4 modules of white around the symbol
    px = view.module_px()
    assert px == 300 // symbol_modules(DYNAMIC_BR)
    assert min(left, right, top, bottom) >= QUIET_ZONE * px


def test_widget_rescales_on_resize(qtbot):
    view = QrView()
    qtbot.addWidget(view)
    view.set_payload(STATIC_AR)
    view.resize(200, 200)
    view.show()
    small = view.module_px()
    view.resize(600, 500)
    big = view.module_px()
    assert big == 500 // symbol_modules(STATIC_AR) and big > small
    grab = view.grab().toImage()
    assert set(np.unique(grey_array(grab))) == {0, 255}
    assert decode_one(grab).text == STATIC_AR


def test_widget_renders_for_device_pixel_ratio(qtbot, monkeypatch):
    view = QrView()
    qtbot.addWidget(view)
    view.set_payload(STATIC_AR)
    view.resize(300, 300)
    monkeypatch.setattr(view, "devicePixelRatioF", lambda: 2.0)
    img = view.current_image()
    n = symbol_modules(STATIC_AR)
    assert img.devicePixelRatio() == 2.0
    assert img.width() == n * (600 // n)  # modules sized in device pixels, not logical ones


def test_placeholder_when_no_payload(qtbot):
    view = QrView(placeholder="No QR configured")
    qtbot.addWidget(view)
    view.resize(300, 300)
    view.show()
    assert view.payload() is None and view.current_image() is None
    assert decode(view.grab().toImage()) == []
    view.set_payload(STATIC_AR)
    assert decode_one(view.grab().toImage()).text == STATIC_AR
    view.set_payload(None)
    assert decode(view.grab().toImage()) == []
    assert view.placeholder() == "No QR configured"


def test_payload_too_long_fails_at_set_time(qtbot):
    view = QrView()
    qtbot.addWidget(view)
    with pytest.raises(segno.DataOverflowError):
        view.set_payload("x" * 5000)
    assert view.payload() is None
