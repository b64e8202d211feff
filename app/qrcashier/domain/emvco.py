"""EMVCo Merchant-Presented-Mode payloads, as Mercado Pago's QR codes carry them.

A payload is a run of TLV fields: a two-digit tag, a two-digit length and the
value; templates (tags 26-51, 62) nest the same encoding. Tag 63 closes the
payload with a CRC-16/CCITT-FALSE over everything before its value, "6304"
included. The POS static QR (`pos.qr_code`) uses point of initiation 11 and
carries https://mpago.la/pos/<pos id> in tag 43; a dynamic QR (`qr_data`) uses
12 and carries the in-store order id in tag 43, sub-tag 06.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MERCADOPAGO_GUI = "com.mercadolibre"
STATIC = "11"
DYNAMIC = "12"


class PayloadError(ValueError):
    """The text is not a well-formed EMVCo payload (bad TLV, bad CRC)."""


def crc16(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def tlv(tag: str, value: str) -> str:
    if len(tag) != 2 or not (tag.isascii() and tag.isdigit()):
        raise ValueError(f"bad EMVCo tag {tag!r}")
    if len(value) > 99:
        raise ValueError(f"EMVCo field {tag} is longer than 99 characters")
    return f"{tag}{len(value):02d}{value}"


def parse_tlv(text: str) -> list[tuple[str, str]]:
    """Split a TLV run into (tag, value) pairs, in order."""
    fields: list[tuple[str, str]] = []
    i = 0
    while i < len(text):
        head = text[i : i + 4]
        # ASCII digits only: str.isdigit() also accepts "²", "٠" or "１".
        if len(head) < 4 or not (head.isascii() and head.isdigit()):
            raise PayloadError(f"bad TLV header at position {i}")
        tag, length = head[:2], int(head[2:])
        value = text[i + 4 : i + 4 + length]
        if len(value) != length:
            raise PayloadError(f"field {tag} is cut short")
        fields.append((tag, value))
        i += 4 + length
    return fields


def seal(body: str) -> str:
    """Append tag 63 with the CRC of `body` + "6304"."""
    head = body + "6304"
    return head + f"{crc16(head.encode('utf-8')):04X}"


@dataclass(frozen=True)
class Payload:
    """A parsed payload: top-level fields, and tag 43 (Mercado Pago's account info) split out."""

    fields: dict[str, str]
    merchant_account: dict[str, str] = field(default_factory=dict)

    @property
    def point_of_initiation(self) -> str:
        return self.fields.get("01", "")

    @property
    def is_dynamic(self) -> bool:
        return self.point_of_initiation == DYNAMIC

    @property
    def pos_url(self) -> str | None:
        """The static QR's https://mpago.la/pos/<id> URL, if present."""
        return self.merchant_account.get("01")

    @property
    def order_id(self) -> str | None:
        """The dynamic QR's in-store order id (tag 43, sub-tag 06), if present."""
        return self.merchant_account.get("06")


def parse(text: str) -> Payload:
    """Parse and verify a payload; raises PayloadError on a bad structure or CRC."""
    if len(text) < 8 or text[-8:-4] != "6304":
        raise PayloadError("the payload does not end with a CRC field (6304....)")
    expected = f"{crc16(text[:-4].encode('utf-8')):04X}"
    if text[-4:].upper() != expected:
        raise PayloadError(f"CRC mismatch: payload says {text[-4:]}, computed {expected}")
    pairs = parse_tlv(text)
    if pairs[-1] != ("63", text[-4:]):
        # The text ends in "6304...." only because a value does; tag 63 is missing.
        raise PayloadError("the payload does not end with a CRC field (6304....)")
    fields = dict(pairs)
    if fields.get("00") != "01":
        raise PayloadError("payload format indicator (tag 00) must be 01")
    account = dict(parse_tlv(fields["43"])) if "43" in fields else {}
    return Payload(fields=fields, merchant_account=account)


def _payload(
    initiation: str,
    account: list[tuple[str, str]],
    *,
    mcc: str,
    currency_numeric: str,
    country: str,
    merchant_name: str,
    city: str,
    extra: list[tuple[str, str]] = (),
) -> str:
    body = tlv("00", "01") + tlv("01", initiation)
    body += tlv("43", "".join(tlv(t, v) for t, v in [("00", MERCADOPAGO_GUI), *account]))
    for tag, value in extra:
        body += tlv(tag, value)
    body += tlv("52", mcc) + tlv("53", currency_numeric) + tlv("58", country)
    body += tlv("59", merchant_name[:25] or "QR Cashier") + tlv("60", city[:15] or "-")
    return seal(body)


def static_pos_payload(
    pos_id: int,
    *,
    currency_numeric: str,
    country: str,
    merchant_name: str,
    city: str,
    mcc: str = "9700",
) -> str:
    """The static QR Mercado Pago gives a POS (`qr_code`), for the sandbox and for stickers."""
    return _payload(
        STATIC,
        [("01", f"https://mpago.la/pos/{pos_id}")],
        mcc=mcc,
        currency_numeric=currency_numeric,
        country=country,
        merchant_name=merchant_name,
        city=city,
    )


def dynamic_order_payload(
    order_id: str,
    *,
    currency_numeric: str,
    country: str,
    merchant_name: str,
    city: str,
    mcc: str = "0000",
) -> str:
    """A dynamic (single-use) QR for one in-store order (`qr_data`)."""
    return _payload(
        DYNAMIC,
        [("02", "3"), ("06", order_id)],
        mcc=mcc,
        currency_numeric=currency_numeric,
        country=country,
        merchant_name=merchant_name,
        city=city,
        extra=[("62", tlv("05", "***"))],
    )
