"""The RG 4892 QR: https://www.afip.gob.ar/fe/qr/?p= + base64 of a JSON describing the comprobante."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from urllib.parse import parse_qs, quote, urlsplit

QR_BASE = "https://www.afip.gob.ar/fe/qr/"


@dataclass(frozen=True)
class QrData:
    issued: date
    cuit: int
    point_of_sale: int
    doc_type: int  # tipoCmp
    number: int  # nroCmp
    total: Decimal  # importe
    cae: str  # codAut
    buyer_doc_type: int = 99
    buyer_doc_number: int = 0
    currency: str = "PES"
    rate: Decimal = Decimal("1")  # ctz
    auth_kind: str = "E"  # "E" CAE, "A" CAEA


def qr_payload(data: QrData) -> dict:
    """The JSON object RG 4892 prescribes (version 1), amounts as JSON numbers."""
    return {
        "ver": 1,
        "fecha": data.issued.isoformat(),
        "cuit": int(data.cuit),
        "ptoVta": data.point_of_sale,
        "tipoCmp": data.doc_type,
        "nroCmp": data.number,
        "importe": float(data.total) if data.total != data.total.to_integral_value() else int(data.total),
        "moneda": data.currency,
        "ctz": int(data.rate) if data.rate == data.rate.to_integral_value() else float(data.rate),
        "tipoDocRec": data.buyer_doc_type,
        "nroDocRec": int(data.buyer_doc_number),
        "tipoCodAut": data.auth_kind,
        "codAut": int(data.cae),
    }


def qr_url(data: QrData, base: str = QR_BASE) -> str:
    text = json.dumps(qr_payload(data), separators=(",", ":"))
    return base + "?p=" + quote(base64.b64encode(text.encode()).decode("ascii"), safe="")


def decode_qr_url(url: str) -> dict:
    """The JSON object inside a printed QR's URL (raises ValueError when it is not one)."""
    query = parse_qs(urlsplit(url).query)
    if "p" not in query:
        raise ValueError("the QR's address has no p parameter")
    raw = query["p"][0].replace(" ", "+")  # a '+' left unescaped reads as a space
    try:
        payload = json.loads(base64.b64decode(raw + "=" * (-len(raw) % 4), validate=False), parse_float=Decimal)
    except (ValueError, json.JSONDecodeError) as exc:
        raise ValueError("the QR's p parameter is not base64 JSON") from exc
    if not isinstance(payload, dict) or payload.get("ver") != 1:
        raise ValueError("the QR's JSON is not an RG 4892 version 1 payload")
    return payload
