"""SOAP 1.1 envelopes built and read with the standard library (no zeep, no lxml).

A request body is a tree of `(name, value)` pairs: a value is text (str, int, Decimal) or a
list of pairs (a nested element); a list value repeated under one name repeats the element.
Answers are parsed with ElementTree and their namespaces stripped, so callers read
`find(root, "FECAESolicitarResult/FeCabResp/Resultado")`. ElementTree resolves no external
entities; a document type declaration is refused outright.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from decimal import Decimal
from typing import Union

SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
Value = Union[str, int, Decimal, "Sequence[tuple[str, Value]]"]
Fields = Sequence[tuple[str, Value]]


class SoapFault(Exception):
    def __init__(self, code: str, text: str) -> None:
        super().__init__(f"{code}: {text}")
        self.code = code
        self.text = text


def _text(value: Value) -> str:
    if isinstance(value, bool):
        raise TypeError("SOAP values are text, numbers or Decimals, not booleans")
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _add(parent: ET.Element, ns: str, fields: Fields) -> None:
    for name, value in fields:
        child = ET.SubElement(parent, f"{{{ns}}}{name}")
        if isinstance(value, (list, tuple)):
            _add(child, ns, value)
        else:
            child.text = _text(value)


def envelope(ns: str, operation: str, fields: Fields) -> bytes:
    """A SOAP 1.1 envelope whose body is `<operation xmlns=ns>` with `fields`."""
    ET.register_namespace("soap", SOAP_ENV)
    root = ET.Element(f"{{{SOAP_ENV}}}Envelope")
    ET.SubElement(root, f"{{{SOAP_ENV}}}Header")
    body = ET.SubElement(root, f"{{{SOAP_ENV}}}Body")
    op = ET.SubElement(body, f"{{{ns}}}{operation}")
    _add(op, ns, fields)
    return b'<?xml version="1.0" encoding="utf-8"?>' + ET.tostring(root, encoding="utf-8", xml_declaration=False)


def _strip(element: ET.Element) -> ET.Element:
    for el in element.iter():
        if isinstance(el.tag, str) and "}" in el.tag:
            el.tag = el.tag.rsplit("}", 1)[1]
    return element


def parse_xml(data: bytes | str) -> ET.Element:
    """A document with its namespaces stripped. Refuses DTDs (no entity expansion)."""
    raw = data.encode() if isinstance(data, str) else data
    if b"<!DOCTYPE" in raw[:2048].upper():
        raise ValueError("XML with a document type declaration is refused")
    try:
        return _strip(ET.fromstring(raw))
    except ET.ParseError as exc:
        raise ValueError(f"not well-formed XML: {exc}") from exc


def body_of(data: bytes | str) -> ET.Element:
    """The first element inside the envelope's Body; a Fault raises SoapFault."""
    root = parse_xml(data)
    body = root.find("Body")
    if body is None or len(body) == 0:
        raise ValueError("the SOAP answer has no Body")
    first = body[0]
    if first.tag == "Fault":
        raise SoapFault(text(first, "faultcode"), text(first, "faultstring"))
    return first


def find(element: ET.Element | None, path: str) -> ET.Element | None:
    return None if element is None else element.find(path)


def text(element: ET.Element | None, path: str, default: str = "") -> str:
    found = find(element, path)
    return default if found is None or found.text is None else found.text.strip()


def fault(code: str, message: str) -> bytes:
    """A SOAP 1.1 Fault envelope (the simulator's answer to a malformed or refused request)."""
    ET.register_namespace("soap", SOAP_ENV)
    root = ET.Element(f"{{{SOAP_ENV}}}Envelope")
    body = ET.SubElement(root, f"{{{SOAP_ENV}}}Body")
    f = ET.SubElement(body, f"{{{SOAP_ENV}}}Fault")
    ET.SubElement(f, "faultcode").text = code
    ET.SubElement(f, "faultstring").text = message
    return b'<?xml version="1.0" encoding="utf-8"?>' + ET.tostring(root, encoding="utf-8")
