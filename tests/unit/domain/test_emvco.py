"""EMVCo payloads checked against independent references, never against the module itself.

Every other test parses payloads that this same module built, so a wrong CRC (or a
wrong TLV rule) would agree with itself. Here the oracles are the published
CRC-16/CCITT-FALSE check value, Python's own `binascii.crc_hqx` (the same CRC:
polynomial 0x1021, no reflection, with 0xFFFF as its initial value), a real
payload Mercado Pago returned (docs: mercadopago-api.md §5.2/§5.4) and TLV text
written out by hand.
"""

from __future__ import annotations

import binascii

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qrcashier.domain import emvco
from qrcashier.domain.emvco import PayloadError, crc16, parse, parse_tlv, seal, tlv

# A real POS `qr_code` (mercadopago-api.md §5.2, decoded in §5.4): CRC 2C9B.
REAL_STATIC = (
    "000201"
    "010211"
    "4354" "0016com.mercadolibre" "0130https://mpago.la/pos/120587102"
    "5015" "001120456564683"
    "52049700"
    "5303032"
    "5802AR"
    "5915Lisandro Arenas"
    "6004CABA"
    "63042C9B"
)

# The dynamic `qr_data` sample of mercadopago-api.md §1.5, as published: it was
# anonymised by hand, so tag 59 says 25 characters for a 19-character name and the
# CRC does not verify.
DOC_DYNAMIC_ANONYMISED = (
    "00020101021243650016COM.MERCADOLIBRE02013063638f1192a-5fd1-4180-a180-8bcae3556bc3"
    "5204000053039865802BR5925IZABEL AAAA DE MELO6007BARUERI62070503***63040B6D"
)
ORDER_UUID = "38f1192a-5fd1-4180-a180-8bcae3556bc3"


def reference_crc(text: str) -> str:
    """CRC-16/CCITT-FALSE from the standard library, as four upper-case hex digits."""
    return f"{binascii.crc_hqx(text.encode('utf-8'), 0xFFFF):04X}"


def sealed_by_hand(body: str) -> str:
    head = body + "6304"
    return head + reference_crc(head)


# The same sample with the name length repaired (19) and the CRC recomputed independently.
DOC_DYNAMIC_REPAIRED = sealed_by_hand(
    "000201"
    "010212"
    "4365" "0016COM.MERCADOLIBRE" "02013" "0636" + ORDER_UUID
    + "52040000"
    "5303986"
    "5802BR"
    "5919IZABEL AAAA DE MELO"
    "6007BARUERI"
    "62070503***"
)


# --- the CRC ----------------------------------------------------------------------


def test_crc16_matches_the_published_ccitt_false_check_value():
    assert crc16(b"123456789") == 0x29B1


def test_crc16_of_nothing_is_the_initial_value():
    assert crc16(b"") == 0xFFFF


def test_the_reference_oracle_is_itself_ccitt_false():
    assert binascii.crc_hqx(b"123456789", 0xFFFF) == 0x29B1


@given(st.binary(max_size=300))
def test_crc16_agrees_with_the_standard_library_on_any_bytes(data):
    assert crc16(data) == binascii.crc_hqx(data, 0xFFFF)


def test_the_real_payload_crc_covers_everything_up_to_and_including_6304():
    assert crc16(REAL_STATIC[:-4].encode()) == 0x2C9B
    assert crc16(REAL_STATIC[:-8].encode()) != 0x2C9B  # "6304" is part of the CRC input


def test_seal_appends_6304_and_the_crc_of_body_plus_6304():
    assert seal("000201") == "0002016304" + reference_crc("0002016304")
    assert seal(REAL_STATIC[:-8]) == REAL_STATIC


# --- the real payload -------------------------------------------------------------


def test_the_real_static_payload_parses_and_its_crc_verifies():
    payload = parse(REAL_STATIC)
    assert payload.fields == {
        "00": "01",
        "01": "11",
        "43": "0016com.mercadolibre0130https://mpago.la/pos/120587102",
        "50": "001120456564683",
        "52": "9700",
        "53": "032",
        "58": "AR",
        "59": "Lisandro Arenas",
        "60": "CABA",
        "63": "2C9B",
    }
    assert payload.merchant_account == {"00": "com.mercadolibre", "01": "https://mpago.la/pos/120587102"}
    assert payload.point_of_initiation == emvco.STATIC == "11"
    assert not payload.is_dynamic
    assert payload.pos_url == "https://mpago.la/pos/120587102"
    assert payload.order_id is None


def test_the_repaired_dynamic_sample_parses_with_its_order_id_in_tag_43_sub_tag_06():
    payload = parse(DOC_DYNAMIC_REPAIRED)
    assert payload.point_of_initiation == emvco.DYNAMIC == "12"
    assert payload.is_dynamic
    assert payload.order_id == ORDER_UUID
    assert payload.merchant_account == {"00": "COM.MERCADOLIBRE", "02": "3", "06": ORDER_UUID}
    assert payload.fields["59"] == "IZABEL AAAA DE MELO"
    assert payload.fields["62"] == "0503***"
    assert payload.pos_url is None


def test_the_anonymised_doc_sample_is_refused():
    with pytest.raises(PayloadError, match="CRC mismatch"):
        parse(DOC_DYNAMIC_ANONYMISED)


def test_a_lower_case_crc_is_accepted():
    assert parse(REAL_STATIC[:-4] + REAL_STATIC[-4:].lower()).pos_url.endswith("/120587102")


# --- corrupted payloads are refused -----------------------------------------------


def _flip(text: str, i: int) -> str:
    c = text[i]
    other = "1" if c == "0" else "0" if c.isdigit() else ("b" if c == "a" else "a")
    return text[:i] + other + text[i + 1 :]


@pytest.mark.parametrize("source", [REAL_STATIC, DOC_DYNAMIC_REPAIRED], ids=["static", "dynamic"])
def test_any_single_flipped_character_before_the_crc_is_refused(source):
    # CRC-16 catches every burst of up to 16 bits, so each one-character change must be seen.
    for i in range(len(source) - 4):
        corrupted = _flip(source, i)
        assert corrupted != source
        with pytest.raises(PayloadError):
            parse(corrupted)


@pytest.mark.parametrize("crc", ["2C9A", "0000", "FFFF", "9B2C", "2C9G"])
def test_a_wrong_crc_is_refused(crc):
    with pytest.raises(PayloadError):
        parse(REAL_STATIC[:-4] + crc)


@pytest.mark.parametrize(
    "text",
    ["", "6304", "63042C9", REAL_STATIC[:-8], REAL_STATIC[:-1], REAL_STATIC + "0", REAL_STATIC[:-8] + "6305" + "2C9B"],
    ids=["empty", "bare-tag", "short", "no-crc", "cut", "trailing", "crc-length-5"],
)
def test_a_payload_without_a_closing_crc_field_is_refused(text):
    with pytest.raises(PayloadError):
        parse(text)


def test_a_payload_with_a_good_crc_but_a_broken_tlv_is_refused():
    # Tag 59 claims 20 characters, so the TLV run no longer lines up; the CRC is right.
    broken = sealed_by_hand("000201010211" + "5920Lisandro Arenas")
    with pytest.raises(PayloadError):
        parse(broken)


def test_a_payload_format_indicator_other_than_01_is_refused():
    with pytest.raises(PayloadError, match="tag 00"):
        parse(sealed_by_hand("000202010211"))
    with pytest.raises(PayloadError, match="tag 00"):
        parse(sealed_by_hand("010211"))


def test_6304_inside_a_value_is_not_taken_for_the_crc_field():
    # Tag 59's value ends with "6304" + the right CRC, so the text ends like a sealed
    # payload and the CRC matches, but there is no tag 63: the payload is not closed.
    head = "000201010211" + "5910AB6304"
    text = head + reference_crc(head)
    assert [tag for tag, _ in parse_tlv(text)] == ["00", "01", "59"]
    with pytest.raises(PayloadError):
        parse(text)


def test_a_bad_merchant_account_template_is_refused():
    with pytest.raises(PayloadError):
        parse(sealed_by_hand("000201010211" + "4306" + "0016co"))


@pytest.mark.parametrize("digit", ["²", "٠", "１"], ids=["superscript", "arabic-indic", "fullwidth"])
def test_non_ascii_digits_in_a_header_are_a_payload_error(digit):
    with pytest.raises(PayloadError):
        parse_tlv(f"0{digit}01")
    with pytest.raises(PayloadError):
        parse(sealed_by_hand(f"0002010{digit}0211"))


# --- TLV on hand-written text -----------------------------------------------------


def test_tlv_writes_tag_two_digit_length_and_value():
    assert tlv("59", "Lisandro Arenas") == "5915Lisandro Arenas"
    assert tlv("00", "01") == "000201"
    assert tlv("62", "") == "6200"
    assert tlv("26", "x" * 99) == "2699" + "x" * 99


@pytest.mark.parametrize("tag", ["1", "123", "ab", "5a", "", "٥٩", "５９"])
def test_tlv_refuses_a_bad_tag(tag):
    with pytest.raises(ValueError):
        tlv(tag, "x")


def test_tlv_refuses_a_value_longer_than_99():
    with pytest.raises(ValueError):
        tlv("59", "x" * 100)


def test_parse_tlv_splits_hand_written_fields_in_order():
    assert parse_tlv("") == []
    assert parse_tlv("000201010212") == [("00", "01"), ("01", "12")]
    assert parse_tlv("0016com.mercadolibre0130https://mpago.la/pos/120587102") == [
        ("00", "com.mercadolibre"),
        ("01", "https://mpago.la/pos/120587102"),
    ]
    assert parse_tlv("6200" + "0503***") == [("62", ""), ("05", "***")]


@pytest.mark.parametrize("text", ["0", "000", "0X0201", "0005abc", "00020", "000201 1"])
def test_parse_tlv_refuses_broken_runs(text):
    with pytest.raises(PayloadError):
        parse_tlv(text)


# --- the builders, against hand-written expectations --------------------------------


def test_static_pos_payload_has_the_documented_fields():
    text = emvco.static_pos_payload(
        120587102, currency_numeric="032", country="AR", merchant_name="Lisandro Arenas", city="CABA"
    )
    assert text[-8:-4] == "6304" and text[-4:] == reference_crc(text[:-4])
    assert parse_tlv(text[:-8]) == [
        ("00", "01"),
        ("01", "11"),
        ("43", "0016com.mercadolibre0130https://mpago.la/pos/120587102"),
        ("52", "9700"),
        ("53", "032"),
        ("58", "AR"),
        ("59", "Lisandro Arenas"),
        ("60", "CABA"),
    ]


def test_dynamic_order_payload_has_the_documented_fields():
    text = emvco.dynamic_order_payload(
        ORDER_UUID, currency_numeric="986", country="BR", merchant_name="IZABEL AAAA DE MELO", city="BARUERI"
    )
    assert text[-8:-4] == "6304" and text[-4:] == reference_crc(text[:-4])
    assert dict(parse_tlv(text[:-8])) == {
        "00": "01",
        "01": "12",
        "43": "0016com.mercadolibre" "02013" "0636" + ORDER_UUID,
        "52": "0000",
        "53": "986",
        "58": "BR",
        "59": "IZABEL AAAA DE MELO",
        "60": "BARUERI",
        "62": "0503***",
    }


def test_builders_cut_the_name_and_city_and_fill_in_blanks():
    text = emvco.static_pos_payload(7, currency_numeric="152", country="CL", merchant_name="N" * 40, city="C" * 20)
    fields = dict(parse_tlv(text))
    assert fields["59"] == "N" * 25 and fields["60"] == "C" * 15
    blank = dict(
        parse_tlv(emvco.static_pos_payload(7, currency_numeric="152", country="CL", merchant_name="", city=""))
    )
    assert blank["59"] == "QR Cashier" and blank["60"] == "-"
