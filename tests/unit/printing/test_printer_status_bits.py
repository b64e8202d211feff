"""The DLE EOT 4 answer read as python-escpos cannot be trusted to: no answer or an odd byte is never "no paper"."""

from qrcashier.printing.devices import paper_out, well_formed


def test_an_odd_status_byte_or_no_answer_is_never_paper_out():
    assert paper_out(0x72) and paper_out(0x12 | 0x20) and paper_out(0x12 | 0x40)
    assert not paper_out(0x12) and not paper_out(0x1E)  # paper present; near end still prints
    assert not paper_out(None) and not paper_out(0xFF) and not paper_out(0x00) and not paper_out(0x60)
    assert well_formed(0x12) and not well_formed(0x13) and not well_formed(0x92)
