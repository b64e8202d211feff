import pytest

from qrcashier.printing.urls import PrinterUrlError, parse_printer_url


def test_tcp_defaults_to_port_9100_and_80_mm_paper():
    url = parse_printer_url("escpos+tcp://192.168.0.50")
    assert (url.kind, url.target, url.port, url.paper_mm, url.columns) == ("tcp", "192.168.0.50", 9100, 80, 48)
    assert url.escpos and url.codepage == "CP858" and url.drawer_pin == 2 and url.profile == "default"


def test_options_choose_paper_profile_codepage_drawer_and_timeout():
    url = parse_printer_url("escpos+tcp://127.0.0.1:9101?paper=58&profile=POS-5890&codepage=cp850&drawer=5&timeout=3")
    assert (url.port, url.paper_mm, url.columns, url.profile, url.codepage, url.drawer_pin, url.timeout) == (
        9101, 58, 32, "POS-5890", "CP850", 5, 3.0)
    assert parse_printer_url("escpos+tcp://h?columns=42").columns == 42


def test_usb_serial_and_file():
    usb = parse_printer_url("escpos+usb://04b8:0202")
    assert (usb.kind, usb.vendor_id, usb.product_id) == ("usb", 0x04B8, 0x0202)
    serial = parse_printer_url("escpos+serial:///dev/ttyUSB0?baudrate=19200")
    assert (serial.kind, serial.target, serial.baudrate) == ("serial", "/dev/ttyUSB0", 19200)
    assert parse_printer_url("escpos+serial://COM3").target == "COM3"
    assert parse_printer_url("escpos+file:///dev/usb/lp0").target == "/dev/usb/lp0"


def test_system_printer_and_pdf():
    assert parse_printer_url("EPSON TM-T20") == parse_printer_url("system:EPSON TM-T20")
    assert parse_printer_url("system:").target == ""
    pdf = parse_printer_url("pdf:/tmp/receipt.pdf")
    assert (pdf.kind, pdf.target, pdf.escpos) == ("pdf", "/tmp/receipt.pdf", False)


@pytest.mark.parametrize(("text", "says"), [
    ("", "No printer"),
    ("escpos+tcp://", "needs a host"),
    ("escpos+lpt://x", "Unknown ESC/POS connection"),
    ("escpos+usb://04b8", "by its ids"),
    ("escpos+usb://zz:0202", "hexadecimal"),
    ("escpos+tcp://h?paper=70", "58, 80"),
    ("escpos+tcp://h?drawer=3", "2, 5"),
    ("escpos+tcp://h?columns=10", "between 24 and 64"),
    ("escpos+tcp://h?colour=red", "Unknown printer option"),
    ("escpos+tcp://h:99999", "not a port"),
    ("escpos+tcp://h?timeout=0", "timeout"),
    ("escpos+serial:///dev/ttyS0?baudrate=fast", "baud rate"),
    ("escpos+file://", "needs a device"),
    ("http://printer", "Unknown printer URL"),
    ("pdf:", "file path"),
])
def test_wrong_urls_say_why(text, says):
    with pytest.raises(PrinterUrlError, match=says):
        parse_printer_url(text)
