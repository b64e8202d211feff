"""WSAA: the login. A LoginTicketRequest (TRA) signed as CMS (PKCS#7 SignedData, content
included, the signer's certificate attached) with the shop's certificate and key, sent to
`loginCms`; the answer's token and sign are a ticket for about 12 hours, cached until it
expires (ARCA refuses a second login while one is valid: coe.alreadyAuthenticated).
"""

from __future__ import annotations

import base64
import secrets
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

from qrcashier.fiscal import soap
from qrcashier.fiscal.errors import ArcaAuthError, CertificateError

WSAA_NS = "http://wsaa.view.sua.dvadac.desein.afip.gov"
SERVICE = "wsfe"
# A ticket is renewed this long before it expires, so no call goes out with one about to lapse.
RENEW_MARGIN = timedelta(minutes=10)


@dataclass(frozen=True)
class Ticket:
    token: str = field(repr=False)
    sign: str = field(repr=False)
    generated: datetime
    expires: datetime
    service: str = SERVICE

    def valid(self, now: datetime) -> bool:
        return now + RENEW_MARGIN < self.expires


class TicketStore(Protocol):
    """Where a ticket is kept between runs (the app: the keyring; tests: memory)."""

    def load(self, service: str) -> Ticket | None: ...

    def save(self, ticket: Ticket) -> None: ...


class MemoryTicketStore:
    def __init__(self) -> None:
        self._tickets: dict[str, Ticket] = {}

    def load(self, service: str) -> Ticket | None:
        return self._tickets.get(service)

    def save(self, ticket: Ticket) -> None:
        self._tickets[ticket.service] = ticket


def ticket_to_text(ticket: Ticket) -> str:
    """A ticket as one line (for the keyring); `ticket_from_text` reads it back."""
    return "|".join((ticket.service, ticket.generated.isoformat(), ticket.expires.isoformat(), ticket.token,
                     ticket.sign))


def ticket_from_text(text: str) -> Ticket | None:
    try:
        service, generated, expires, token, sign = text.split("|", 4)
        return Ticket(token, sign, datetime.fromisoformat(generated), datetime.fromisoformat(expires), service)
    except ValueError:
        return None


# --- the certificate ---------------------------------------------------------------------


@dataclass(frozen=True)
class Credentials:
    """The shop's certificate and private key, loaded (the key's password never kept)."""

    certificate: object  # cryptography.x509.Certificate
    key: object = field(repr=False)  # an RSA private key

    @classmethod
    def load(cls, cert_path: Path | str, key_path: Path | str, password: str | None = None,
             now: datetime | None = None) -> Credentials:
        from cryptography import x509
        from cryptography.hazmat.primitives import serialization

        try:
            cert_data = Path(cert_path).read_bytes()
        except OSError as exc:
            raise CertificateError(f"No se pudo leer el certificado {Path(cert_path).name}.") from exc
        try:
            key_data = Path(key_path).read_bytes()
        except OSError as exc:
            raise CertificateError(f"No se pudo leer la clave privada {Path(key_path).name}.") from exc
        try:
            if b"-----BEGIN" in cert_data:
                cert = x509.load_pem_x509_certificate(cert_data)
            else:
                cert = x509.load_der_x509_certificate(cert_data)
        except ValueError as exc:
            raise CertificateError("El archivo del certificado no es un certificado X.509 válido.") from exc
        secret = password.encode() if password else None
        try:
            if b"-----BEGIN" in key_data:
                key = serialization.load_pem_private_key(key_data, password=secret)
            else:
                key = serialization.load_der_private_key(key_data, password=secret)
        except TypeError as exc:
            raise CertificateError("La clave privada necesita su contraseña (o no la lleva).") from exc
        except ValueError as exc:
            raise CertificateError("La clave privada no se pudo abrir: contraseña incorrecta o archivo dañado.") \
                from exc
        return cls.from_objects(cert, key, now=now)

    @classmethod
    def from_objects(cls, cert, key, now: datetime | None = None) -> Credentials:
        from cryptography.hazmat.primitives import serialization

        pub = serialization.PublicFormat.SubjectPublicKeyInfo
        der = serialization.Encoding.DER
        if cert.public_key().public_bytes(der, pub) != key.public_key().public_bytes(der, pub):
            raise CertificateError("La clave privada no corresponde al certificado.")
        moment = now or datetime.now(UTC)
        if moment > cert.not_valid_after_utc:
            raise CertificateError(
                f"El certificado venció el {cert.not_valid_after_utc:%d/%m/%Y}: hay que generar uno nuevo en ARCA.")
        if moment < cert.not_valid_before_utc:
            raise CertificateError("El certificado todavía no es válido (revise la hora de esta computadora).")
        return cls(cert, key)


def login_ticket_request(now: datetime, service: str = SERVICE, unique_id: int | None = None,
                         lifetime: timedelta = timedelta(hours=12)) -> bytes:
    """The TRA: uniqueId (seconds), generationTime a minute back (clock skew), expirationTime."""
    root = ET.Element("loginTicketRequest", version="1.0")
    header = ET.SubElement(root, "header")
    ET.SubElement(header, "uniqueId").text = str(unique_id if unique_id is not None else
                                                 int(now.timestamp()) ^ secrets.randbits(16))
    ET.SubElement(header, "generationTime").text = (now - timedelta(minutes=1)).isoformat(timespec="seconds")
    ET.SubElement(header, "expirationTime").text = (now + lifetime).isoformat(timespec="seconds")
    ET.SubElement(root, "service").text = service
    return b'<?xml version="1.0" encoding="UTF-8"?>' + ET.tostring(root, encoding="utf-8")


def sign_cms(data: bytes, credentials: Credentials) -> bytes:
    """CMS SignedData (DER) over `data`, content included, SHA-256, with the signer's certificate."""
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.serialization import pkcs7

    builder = pkcs7.PKCS7SignatureBuilder().set_data(data).add_signer(
        credentials.certificate, credentials.key, hashes.SHA256())  # type: ignore[arg-type]
    return builder.sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])


def login_request(credentials: Credentials, now: datetime, service: str = SERVICE) -> bytes:
    cms = sign_cms(login_ticket_request(now, service), credentials)
    return soap.envelope(WSAA_NS, "loginCms", [("in0", base64.b64encode(cms).decode("ascii"))])


def parse_login_response(data: bytes, service: str = SERVICE) -> Ticket:
    """The ticket in loginCmsReturn (an XML document as text). A Fault raises ArcaAuthError."""
    try:
        result = soap.body_of(data)
    except soap.SoapFault as exc:
        raise ArcaAuthError(_wsaa_message(exc.code, exc.text)) from None
    except ValueError as exc:
        raise ArcaAuthError("WSAA respondió algo que no es un ticket de acceso.") from exc
    inner = soap.text(result, "loginCmsReturn")
    try:
        response = soap.parse_xml(inner)
        token = soap.text(response, "credentials/token")
        sign = soap.text(response, "credentials/sign")
        generated = datetime.fromisoformat(soap.text(response, "header/generationTime"))
        expires = datetime.fromisoformat(soap.text(response, "header/expirationTime"))
    except ValueError as exc:
        raise ArcaAuthError("WSAA respondió algo que no es un ticket de acceso.") from exc
    if not token or not sign:
        raise ArcaAuthError("WSAA respondió un ticket sin token o sin firma.")
    return Ticket(token, sign, generated, expires, service)


def _wsaa_message(code: str, text: str) -> str:
    code = code.rsplit(":", 1)[-1]
    known = {
        "coe.alreadyAuthenticated": "ARCA ya entregó un ticket vigente para este certificado: se usará cuando "
                                    "venza o al recuperar el guardado.",
        "cms.cert.expired": "ARCA dice que el certificado está vencido: hay que generar uno nuevo.",
        "cms.cert.untrusted": "ARCA no reconoce el certificado: no fue emitido por ARCA para esta CUIT.",
        "cms.bad": "ARCA no pudo verificar la firma del pedido de acceso (certificado o clave incorrectos).",
        "cms.sign.invalid": "ARCA no pudo verificar la firma del pedido de acceso (certificado o clave incorrectos).",
        "ns1:coe.notAuthorized": "El certificado no está autorizado para facturación electrónica (wsfe).",
        "coe.notAuthorized": "El certificado no está autorizado para facturación electrónica (wsfe).",
        "xml.bad": "ARCA no pudo interpretar el pedido de acceso.",
    }
    return known.get(code, f"WSAA rechazó el inicio de sesión ({code}): {text.strip()}".rstrip(".") + ".")


Clock = Callable[[], datetime]
