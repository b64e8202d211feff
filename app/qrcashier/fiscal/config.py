"""What the shop sets up for ARCA (settings.py keeps it; no secret in it), checked here, Qt-free.

`FiscalSetup` is the shop's CUIT (with its check digit), the register's punto de venta, its IVA
condition (Responsable Inscripto issues Factura B, Monotributo Factura C), the certificate and
key files, and the environment: "homologation" (ARCA's test servers) or "production". The key's
passphrase is in the keyring (fiscal/vault.py). The embedded sandbox ignores the files and the
environment: it runs against the in-process ARCA simulator with a certificate it issues.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qrcashier.fiscal.amounts import CATEGORIES, MONOTRIBUTO, RESPONSABLE_INSCRIPTO, document_type

HOMOLOGATION = "homologation"
PRODUCTION = "production"
SIMULATOR = "simulator"  # the embedded sandbox's in-process simulator, or a standalone qrcashier-arca-sim
ENVIRONMENTS = (HOMOLOGATION, PRODUCTION)
CONDITIONS = {RESPONSABLE_INSCRIPTO: "IVA Responsable Inscripto", MONOTRIBUTO: "Responsable Monotributo"}
_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def cuit_check_digit(first_ten: str) -> int | None:
    """The check digit (modulo 11) of a CUIT's first ten digits; None when there is none (11 - r == 10)."""
    if len(first_ten) != 10 or not first_ten.isdigit():
        raise ValueError("a CUIT's body is ten digits")
    rest = sum(int(d) * w for d, w in zip(first_ten, _WEIGHTS, strict=True)) % 11
    digit = 11 - rest
    if digit == 11:
        return 0
    return None if digit == 10 else digit


def parse_cuit(text: str | int) -> int:
    """A CUIT typed as 20-11111111-2, 20111111112 or with spaces; ValueError with a sentence."""
    digits = "".join(ch for ch in str(text) if ch.isdigit())
    if len(digits) != 11 or len(digits) != len(str(text).replace("-", "").replace(" ", "")):
        raise ValueError("La CUIT tiene 11 dígitos (por ejemplo 20-11111111-2).")
    if digits[:2] not in ("20", "23", "24", "27", "30", "33", "34"):
        raise ValueError("La CUIT empieza con 20, 23, 24, 27, 30, 33 o 34.")
    if cuit_check_digit(digits[:10]) != int(digits[10]):
        raise ValueError("El dígito verificador de la CUIT no es correcto: revise el número.")
    return int(digits)


def format_cuit(cuit: int) -> str:
    text = f"{cuit:011d}"
    return f"{text[:2]}-{text[2:10]}-{text[10]}"


@dataclass(frozen=True)
class FiscalSetup:
    enabled: bool = False
    cuit: int = 0
    point_of_sale: int = 1
    category: str = RESPONSABLE_INSCRIPTO
    cert_path: str = ""
    key_path: str = ""
    environment: str = HOMOLOGATION
    sim_url: str = ""  # a standalone qrcashier-arca-sim instead of ARCA (its cert-dir files)

    def problems(self, *, sandbox: bool = False) -> list[str]:
        """What stops this setup from invoicing, one Spanish sentence each (empty: usable)."""
        out = []
        try:
            parse_cuit(self.cuit)
        except ValueError as exc:
            out.append(str(exc))
        if not 1 <= self.point_of_sale <= 99998:
            out.append("El punto de venta es un número de 1 a 99998.")
        if self.category not in CATEGORIES:
            out.append("La condición frente al IVA es Responsable Inscripto o Monotributo.")
        if self.environment not in ENVIRONMENTS:
            out.append("El entorno de ARCA es homologación o producción.")
        if not sandbox:
            if not self.cert_path:
                out.append("Falta el archivo del certificado de ARCA.")
            if not self.key_path:
                out.append("Falta el archivo de la clave privada.")
        return out

    @property
    def doc_type(self) -> int:
        return document_type(self.category)

    @property
    def letter(self) -> str:
        return "B" if self.category == RESPONSABLE_INSCRIPTO else "C"

    def endpoints(self):
        """The WSAA and WSFEv1 addresses (fiscal.wsfe.ArcaEndpoints; imports httpx, so only here)."""
        from qrcashier.fiscal.wsfe import HOMO_WSAA, HOMO_WSFE, PROD_WSAA, PROD_WSFE, ArcaEndpoints

        if self.sim_url:
            return ArcaEndpoints.for_base(self.sim_url)
        if self.environment == PRODUCTION:
            return ArcaEndpoints(PROD_WSAA, PROD_WSFE)
        return ArcaEndpoints(HOMO_WSAA, HOMO_WSFE)

    @property
    def environment_name(self) -> str:
        return SIMULATOR if self.sim_url else self.environment


SANDBOX_CUIT = 20111111112  # the demo shop's CUIT on the ARCA simulator (check digit 2)


def fiscal_from_args(args: Any, options: Any) -> FiscalSetup | None:
    """`--fiscal ar` on the sandbox (services.Options): invoices from the demo CUIT, the register's
    punto de venta, Factura B, against the in-process ARCA simulator. Elsewhere the settings'
    setup (apply_to), as `options.fiscal` already holds it."""
    if getattr(args, "fiscal", None) != "ar" or not options.sandbox:
        return options.fiscal
    return FiscalSetup(enabled=True, cuit=SANDBOX_CUIT, point_of_sale=options.pos_number)
