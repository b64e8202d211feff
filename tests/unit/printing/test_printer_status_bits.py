"""The DLE EOT 4 answer read as python-escpos cannot be trusted to: no answer or an odd byte is never "no paper"."""

from qrcashier.printing.devices import paper_out, paper_state, well_formed
from qrcashier.printing.status import PrinterStatus


def test_an_odd_status_byte_or_no_answer_is_never_paper_out():
    assert paper_out(0x72) and paper_out(0x12 | 0x20) and paper_out(0x12 | 0x40)
    assert not paper_out(0x12) and not paper_out(0x1E)  # paper present; near end still prints
    assert not paper_out(None) and not paper_out(0xFF) and not paper_out(0x00) and not paper_out(0x60)
    assert well_formed(0x12) and not well_formed(0x13) and not well_formed(0x92)


def test_the_near_end_bits_say_low_and_only_on_a_well_formed_answer():
    assert paper_state(0x12) == "ok"
    assert paper_state(0x1E) == "low" and paper_state(0x12 | 0x04) == "low" and paper_state(0x12 | 0x08) == "low"
    assert paper_state(0x7E) == "out" and paper_state(0x72) == "out"  # out wins over near end
    assert paper_state(None) is None and paper_state(0x0C) is None and paper_state(0xFF) is None


def test_the_status_says_paper_low_while_it_prints_and_not_over_a_real_trouble():
    low = PrinterStatus("idle", 0, 0, paper_low=True)
    assert low.warns_paper_low and low.sentence() == "Printer paper running low: change the roll soon"
    assert PrinterStatus("printing", 2, 2, paper_low=True).sentence() == "Printing: 2 waiting (paper running low)"
    offline = PrinterStatus("offline", 1, 1, paper_low=True)
    assert not offline.warns_paper_low and offline.sentence() == "Printer offline: 1 receipt waiting"
    assert PrinterStatus("idle", 0, 0).sentence() == ""
