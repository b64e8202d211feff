"""The simulator's certificate authority (playing WSASS) and test certificates, made at run time.

`TestCA.issue(cuit)` gives a key and a certificate whose subject carries `serialNumber=CUIT
<cuit>`, as ARCA's; `sign_csr` signs the app's own request (setup's "test certificate")."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path


def _key():
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def cuit_of(certificate) -> int | None:
    from cryptography.x509.oid import NameOID

    for attr in certificate.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER):
        text = str(attr.value).upper().replace("CUIT", "").strip()
        if text.isdigit():
            return int(text)
    return None


def make_csr(cuit: int, name: str, key=None):
    """A key (new unless given) and a CSR for the shop, as ARCA's certificate page wants it."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import NameOID

    key = key or _key()
    subject = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "AR"), x509.NameAttribute(NameOID.ORGANIZATION_NAME, name),
        x509.NameAttribute(NameOID.COMMON_NAME, name), x509.NameAttribute(NameOID.SERIAL_NUMBER, f"CUIT {cuit}"),
    ])
    csr = x509.CertificateSigningRequestBuilder().subject_name(subject).sign(key, hashes.SHA256())
    return key, csr


@dataclass
class TestCA:
    key: object = field(default_factory=_key, repr=False)
    certificate: object = None

    def __post_init__(self) -> None:
        if self.certificate is None:
            from cryptography import x509
            from cryptography.hazmat.primitives import hashes
            from cryptography.x509.oid import NameOID

            name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ARCA simulator test CA")])
            now = datetime.now(UTC)
            self.certificate = (
                x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(self.key.public_key())
                .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
                .not_valid_after(now + timedelta(days=3650))
                .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                .sign(self.key, hashes.SHA256())
            )

    def sign_csr(self, csr, *, days: int = 730, not_before: datetime | None = None):
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes

        start = not_before or datetime.now(UTC) - timedelta(hours=1)
        return (
            x509.CertificateBuilder().subject_name(csr.subject).issuer_name(self.certificate.subject)
            .public_key(csr.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(start + timedelta(days=days))
            .sign(self.key, hashes.SHA256())
        )

    def issue(self, cuit: int, name: str = "Kiosco Demo", **kw):
        key, csr = make_csr(cuit, name)
        return key, self.sign_csr(csr, **kw)


def write_pem(directory: Path, key, certificate, password: str | None = None) -> tuple[Path, Path]:
    """cert.pem and key.pem (0600; encrypted with `password` when given) in `directory`."""
    from cryptography.hazmat.primitives import serialization

    directory.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    encryption = (serialization.BestAvailableEncryption(password.encode()) if password
                  else serialization.NoEncryption())
    key_path.touch(mode=0o600)
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           encryption))
    return cert_path, key_path
