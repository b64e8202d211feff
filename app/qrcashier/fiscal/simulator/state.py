"""The simulator's books: tickets, sequences per (CUIT, PtoVta, CbteTipo), the comprobantes it
authorized, and ARCA's validations of FECAESolicitar with its error codes.

Codes used (ARCA's where confirmed, see docs/arca.md): 600 ticket, 602 not found, 10016 not the
next number or date, 10015 DocTipo/DocNro, 10013 consumidor final over the identification
threshold, 10048 ImpTotal arithmetic, 10018 ImpIVA vs AlicIva, 10023 a C with IVA, 10070 an
IVA id, 10061 IVA missing on a B, 10242 CondicionIVAReceptorId, 10197 a credit note's CbtesAsoc
(missing, another letter, unknown, over the invoice's total) [UNCONFIRMED code], 10004 PtoVta not enabled,
10007 CbteTipo, 10001 CantReg.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from qrcashier.fiscal.amounts import VAT_RATES

CENT = Decimal("0.01")
ALLOWED_TYPES = {6: "Factura B", 8: "Nota de Crédito B", 11: "Factura C", 13: "Nota de Crédito C"}
IDENTIFICATION_THRESHOLD = Decimal("10000000")  # RG 5700/2025: ARS 10,000,000


@dataclass
class Stored:
    cuit: int
    point_of_sale: int
    doc_type: int
    number: int
    issued: date
    total: Decimal
    net: Decimal
    vat: Decimal
    buyer_doc_type: int
    buyer_doc_number: int
    cae: str
    cae_due: date
    authorized_at: datetime


@dataclass
class IssuedTicket:
    token: str
    sign: str
    cuit: int
    expires: datetime


class Rejected(Exception):
    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Books:
    """All of the simulator's state, behind one lock (handlers run on one loop; the lock
    keeps the CLI's and tests' readers consistent)."""

    enabled_points: set[int] | None = None  # None: every punto de venta is enabled for web services
    threshold: Decimal = IDENTIFICATION_THRESHOLD
    ticket_hours: int = 12
    tickets: dict[str, IssuedTicket] = field(default_factory=dict)  # token -> ticket
    valid_login: dict[int, IssuedTicket] = field(default_factory=dict)  # cuit -> the live ticket
    comprobantes: dict[tuple[int, int, int], dict[int, Stored]] = field(default_factory=dict)
    credited: dict[tuple[int, int, int, int], Decimal] = field(default_factory=dict)  # invoice -> its NCs' total
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _cae_counter: int = field(default_factory=lambda: 70_000_000_000_000 + secrets.randbelow(10**12))

    # -- WSAA --

    def login(self, cuit: int, now: datetime, *, refuse_repeat: bool = True) -> IssuedTicket:
        with self._lock:
            live = self.valid_login.get(cuit)
            if refuse_repeat and live is not None and live.expires > now:
                raise Rejected(0, "coe.alreadyAuthenticated")
            ticket = IssuedTicket(secrets.token_urlsafe(48), secrets.token_urlsafe(24), cuit,
                                  now + timedelta(hours=self.ticket_hours))
            self.tickets[ticket.token] = ticket
            self.valid_login[cuit] = ticket
            return ticket

    def check_auth(self, token: str, sign: str, cuit: int, now: datetime) -> None:
        ticket = self.tickets.get(token)
        if ticket is None or ticket.sign != sign or ticket.expires <= now:
            raise Rejected(600, "ValidacionDeToken: No validaron las credenciales del ticket de acceso")
        if ticket.cuit != cuit:
            raise Rejected(601, "CUIT representada no incluida en Token")

    # -- WSFEv1 --

    def last(self, cuit: int, pos: int, doc_type: int) -> int:
        with self._lock:
            seq = self.comprobantes.get((cuit, pos, doc_type), {})
            return max(seq) if seq else 0

    def get(self, cuit: int, pos: int, doc_type: int, number: int) -> Stored | None:
        with self._lock:
            return self.comprobantes.get((cuit, pos, doc_type), {}).get(number)

    def all(self) -> list[Stored]:
        with self._lock:
            return [c for seq in self.comprobantes.values() for c in seq.values()]

    def authorize(self, cuit: int, head: dict, det: dict, now: datetime) -> Stored:
        """Validate one FECAEDetRequest (as text fields) and record it, or raise Rejected."""
        with self._lock:
            return self._authorize(cuit, head, det, now)

    def _authorize(self, cuit: int, head: dict, det: dict, now: datetime) -> Stored:
        def integer(name: str, source: dict = det) -> int:
            try:
                return int(source.get(name, ""))
            except ValueError:
                raise Rejected(10000 + 1, f"El campo {name} es obligatorio y numérico") from None

        def money(name: str) -> Decimal:
            try:
                value = Decimal(det.get(name, ""))
            except InvalidOperation:
                raise Rejected(10048, f"El campo {name} es obligatorio y numérico") from None
            if value < 0 or int(value.as_tuple().exponent) < -2:
                raise Rejected(10048, f"El campo {name} admite hasta 2 decimales y no puede ser negativo")
            return value

        if integer("CantReg", head) != 1:
            raise Rejected(10001, "CantReg debe ser 1 (un comprobante por pedido en este simulador)")
        pos, doc_type = integer("PtoVta", head), integer("CbteTipo", head)
        if not 1 <= pos <= 99998 or (self.enabled_points is not None and pos not in self.enabled_points):
            raise Rejected(10004, f"El punto de venta {pos} no se encuentra habilitado a usar el presente WS")
        if doc_type not in ALLOWED_TYPES:
            raise Rejected(10007, f"El tipo de comprobante {doc_type} no es válido para esta CUIT")
        first, last = integer("CbteDesde"), integer("CbteHasta")
        seq = self.comprobantes.setdefault((cuit, pos, doc_type), {})
        expected = (max(seq) if seq else 0) + 1
        try:
            issued = datetime.strptime(det.get("CbteFch", ""), "%Y%m%d").date()
        except ValueError:
            raise Rejected(10016, "El campo CbteFch es obligatorio (aaaammdd)") from None
        today = now.astimezone(UTC).date()
        last_date = max((c.issued for c in seq.values()), default=None)
        if first != last or first != expected or (last_date and issued < last_date) \
                or not today - timedelta(days=5) <= issued <= today + timedelta(days=5):
            raise Rejected(10016, "El numero o fecha del comprobante no se corresponde con el proximo a autorizar. "
                                  "Consultar metodo FECompUltimoAutorizado.")
        if integer("Concepto") not in (1, 2, 3):
            raise Rejected(10012, "El campo Concepto debe ser 1, 2 o 3")
        doc_kind, doc_number = integer("DocTipo"), integer("DocNro")
        total, untaxed, net = money("ImpTotal"), money("ImpTotConc"), money("ImpNeto")
        exempt, other, vat = money("ImpOpEx"), money("ImpTrib"), money("ImpIVA")
        if doc_kind == 99 and doc_number != 0:
            raise Rejected(10015, "Si DocTipo es 99 (Consumidor Final) DocNro debe ser 0")
        if doc_kind == 99 and total >= self.threshold:
            raise Rejected(10013, f"Para comprobantes desde {self.threshold} el comprador debe identificarse "
                                  "(DocTipo 80, 86 o 96)")
        if doc_kind not in (80, 86, 96, 99) or (doc_kind != 99 and doc_number <= 0):
            raise Rejected(10015, "DocTipo/DocNro del receptor inválidos")
        if det.get("CondicionIVAReceptorId", "") == "":
            raise Rejected(10242, "El campo Condicion Frente al IVA del receptor es obligatorio")
        if integer("CondicionIVAReceptorId") not in (1, 4, 5, 6, 7, 8, 9, 10, 13, 15, 16):
            raise Rejected(10242, "Condicion Frente al IVA del receptor inválida")
        if total != untaxed + net + exempt + other + vat:
            raise Rejected(10048, "El campo ImpTotal debe ser igual a la suma de ImpTotConc + ImpNeto + ImpOpEx + "
                                  "ImpTrib + ImpIVA")
        if det.get("MonId", "") != "PES" or Decimal(det.get("MonCotiz", "0") or "0") != 1:
            raise Rejected(10119, "Este simulador factura en pesos (MonId PES, MonCotiz 1)")
        alic = det.get("Iva", [])
        if doc_type in (11, 13):
            if vat != 0 or alic:
                raise Rejected(10023, "Para comprobantes clase C el objeto IVA no debe informarse y ImpIVA debe ser 0")
        else:
            if net > 0 and not alic:
                raise Rejected(10061, "Si ImpNeto es mayor a 0 el objeto IVA es obligatorio")
            bases = amounts = Decimal(0)
            for item in alic:
                try:
                    vat_id, base, amount = int(item["Id"]), Decimal(item["BaseImp"]), Decimal(item["Importe"])
                except (KeyError, ValueError, InvalidOperation):
                    raise Rejected(10070, "AlicIva con Id, BaseImp e Importe numéricos") from None
                if vat_id not in VAT_RATES:
                    raise Rejected(10070, f"El Id de IVA {vat_id} no es válido")
                if abs(base * VAT_RATES[vat_id] / 100 - amount) > CENT:
                    raise Rejected(10051, f"El importe de IVA de la alícuota {vat_id} no corresponde a BaseImp")
                bases += base
                amounts += amount
            if amounts != vat:
                raise Rejected(10018, "ImpIVA debe ser igual a la suma de los importes de AlicIva")
            if bases != net:
                raise Rejected(10018, "ImpNeto debe ser igual a la suma de las bases imponibles de AlicIva")
        if doc_type in (8, 13):
            self._check_associated(cuit, doc_type, det.get("CbtesAsoc") or [], total)
        self._cae_counter += 1
        stored = Stored(cuit, pos, doc_type, first, issued, total, net, vat, doc_kind, doc_number,
                        f"{self._cae_counter:014d}"[-14:], issued + timedelta(days=10), now)
        seq[first] = stored
        for item in det.get("CbtesAsoc") or []:
            key = (cuit, int(item["PtoVta"]), int(item["Tipo"]), int(item["Nro"]))
            self.credited[key] = self.credited.get(key, Decimal(0)) + total
        return stored

    def _check_associated(self, cuit: int, doc_type: int, related: list, total: Decimal) -> None:
        """A credit note names one authorized invoice of its own letter (8 -> 6, 13 -> 11) and
        never credits more than that invoice's total less its earlier credit notes."""
        if not related:
            raise Rejected(10197, "Una nota de crédito debe informar el comprobante asociado (CbtesAsoc)")
        for item in related:
            try:
                tipo, pos, number = int(item.get("Tipo", "")), int(item.get("PtoVta", "")), int(item.get("Nro", ""))
            except ValueError:
                raise Rejected(10197, "CbtesAsoc con Tipo, PtoVta y Nro numéricos") from None
            if tipo != {8: 6, 13: 11}[doc_type]:
                raise Rejected(10197, f"Una nota de crédito tipo {doc_type} se asocia a una factura de su misma clase")
            original = self.comprobantes.get((cuit, pos, tipo), {}).get(number)
            if original is None:
                raise Rejected(10197, f"El comprobante asociado {tipo} {pos:05d}-{number:08d} no existe")
            if self.credited.get((cuit, pos, tipo, number), Decimal(0)) + total > original.total:
                raise Rejected(10197, "La nota de crédito supera el importe del comprobante asociado")
