"""Verify a CMS SignedData (PKCS#7) the way WSAA does, with a tiny DER reader (cryptography
signs CMS but does not verify it): the content, the signer's certificate, the signed
attributes' messageDigest, the RSA signature over them, and the certificate's issuer."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


class CmsError(ValueError):
    pass


@dataclass(frozen=True)
class Tlv:
    tag: int
    value: bytes
    raw: bytes


def _read(data: bytes, pos: int) -> tuple[Tlv, int]:
    if pos + 2 > len(data):
        raise CmsError("truncated DER")
    tag = data[pos]
    length = data[pos + 1]
    head = 2
    if length & 0x80:
        n = length & 0x7F
        if n == 0 or n > 4 or pos + 2 + n > len(data):
            raise CmsError("bad DER length")
        length = int.from_bytes(data[pos + 2:pos + 2 + n], "big")
        head += n
    end = pos + head + length
    if end > len(data):
        raise CmsError("truncated DER")
    return Tlv(tag, data[pos + head:end], data[pos:end]), end


def children(value: bytes) -> list[Tlv]:
    out, pos = [], 0
    while pos < len(value):
        tlv, pos = _read(value, pos)
        out.append(tlv)
    return out


def oid(value: bytes) -> str:
    first = value[0]
    parts = [first // 40 if first < 80 else 2, first % 40 if first < 80 else first - 80]
    n = 0
    for byte in value[1:]:
        n = (n << 7) | (byte & 0x7F)
        if not byte & 0x80:
            parts.append(n)
            n = 0
    return ".".join(str(p) for p in parts)


SIGNED_DATA = "1.2.840.113549.1.7.2"
MESSAGE_DIGEST = "1.2.840.113549.1.9.4"
HASHES = {"2.16.840.1.101.3.4.2.1": "sha256", "1.3.14.3.2.26": "sha1", "2.16.840.1.101.3.4.2.3": "sha512"}


@dataclass(frozen=True)
class Verified:
    content: bytes
    certificate: object  # cryptography x509.Certificate


def verify(der: bytes, ca_certificate) -> Verified:
    """The signed content and signer certificate of a valid CMS; CmsError otherwise."""
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    try:
        top, _ = _read(der, 0)
        info = children(top.value)
        if oid(info[0].value) != SIGNED_DATA:
            raise CmsError("not a SignedData")
        signed = children(children(info[1].value)[0].value)
        encap = children(signed[2].value)
        content = children(encap[1].value)[0].value
        certs = [x509.load_der_x509_certificate(c.raw) for t in signed[3:] if t.tag == 0xA0 for c in children(t.value)]
        signer_info = children(children(signed[-1].value)[0].value)
    except (IndexError, ValueError) as exc:
        raise CmsError(f"malformed CMS: {exc}") from exc
    if not certs:
        raise CmsError("the CMS carries no certificate")
    cert = certs[0]
    digest_name = HASHES.get(oid(children(signer_info[2].value)[0].value))
    if digest_name is None:
        raise CmsError("unsupported digest")
    attrs = next((t for t in signer_info if t.tag == 0xA0), None)
    if attrs is None:
        raise CmsError("no signed attributes")
    signature = next(t for t in signer_info[4:] if t.tag == 0x04).value
    digest = None
    for attr in children(attrs.value):
        parts = children(attr.value)
        if oid(parts[0].value) == MESSAGE_DIGEST:
            digest = children(parts[1].value)[0].value
    if digest != hashlib.new(digest_name, content).digest():
        raise CmsError("the messageDigest does not match the content")
    to_verify = b"\x31" + attrs.raw[1:]
    algorithm = {"sha256": hashes.SHA256(), "sha1": hashes.SHA1(), "sha512": hashes.SHA512()}[digest_name]
    try:
        cert.public_key().verify(signature, to_verify, padding.PKCS1v15(), algorithm)  # type: ignore[union-attr]
    except InvalidSignature as exc:
        raise CmsError("the signature does not verify") from exc
    try:
        cert.verify_directly_issued_by(ca_certificate)
    except (ValueError, TypeError, InvalidSignature) as exc:
        raise CmsError("the certificate was not issued by this CA") from exc
    return Verified(content, cert)
