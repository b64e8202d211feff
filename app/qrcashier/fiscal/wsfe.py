"""WSFEv1 over httpx: FEDummy, FECompUltimoAutorizado, FECAESolicitar, FECompConsultar and the
FEParamGet* lists, every call with a timeout; `ArcaClient` logs in through WSAA when the ticket
is missing, about to expire, or refused (error 600), once per call.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal

import httpx

from qrcashier.fiscal import soap
from qrcashier.fiscal.amounts import InvoiceAmounts
from qrcashier.fiscal.errors import (
    ArcaAuthError,
    ArcaMessage,
    ArcaRejected,
    ArcaUnavailable,
    classify,
)
from qrcashier.fiscal.wsaa import (
    SERVICE,
    Credentials,
    MemoryTicketStore,
    Ticket,
    TicketStore,
    login_request,
    parse_login_response,
)

WSFE_NS = "http://ar.gov.afip.dif.FEV1/"
HOMO_WSAA = "https://wsaahomo.afip.gov.ar/ws/services/LoginCms"
HOMO_WSFE = "https://wswhomo.afip.gov.ar/wsfev1/service.asmx"
PROD_WSAA = "https://wsaa.afip.gov.ar/ws/services/LoginCms"
PROD_WSFE = "https://servicios1.afip.gov.ar/wsfev1/service.asmx"
DEFAULT_TIMEOUT = httpx.Timeout(15.0, connect=5.0)


@dataclass(frozen=True)
class InvoiceRequest:
    """One comprobante to authorize (CantReg 1)."""

    point_of_sale: int
    doc_type: int  # CbteTipo
    number: int  # CbteDesde = CbteHasta
    issued: date  # CbteFch
    amounts: InvoiceAmounts
    buyer_doc_type: int = 99  # DocTipo: 99 consumidor final, 96 DNI, 80 CUIT
    buyer_doc_number: int = 0
    buyer_vat_condition: int = 5  # CondicionIVAReceptorId: 5 consumidor final
    concept: int = 1  # productos
    currency: str = "PES"
    related: Sequence[tuple[int, int, int]] = ()  # CbtesAsoc (Tipo, PtoVta, Nro) of a credit note


@dataclass(frozen=True)
class Authorization:
    number: int
    cae: str
    cae_due: date
    result: str  # "A"
    observations: tuple[ArcaMessage, ...] = ()


@dataclass(frozen=True)
class Comprobante:
    """FECompConsultar's ResultGet, as far as recovery needs it."""

    point_of_sale: int
    doc_type: int
    number: int
    issued: date
    total: Decimal
    buyer_doc_type: int
    buyer_doc_number: int
    cae: str
    cae_due: date
    result: str


def _yyyymmdd(value: date) -> str:
    return value.strftime("%Y%m%d")


def parse_yyyymmdd(text: str) -> date:
    return datetime.strptime(text, "%Y%m%d").date()


def _messages(element, container: str, item: str) -> tuple[ArcaMessage, ...]:
    node = soap.find(element, container)
    if node is None:
        return ()
    out = []
    for child in node.findall(item):
        try:
            out.append(ArcaMessage(int(soap.text(child, "Code") or 0), soap.text(child, "Msg")))
        except ValueError:
            out.append(ArcaMessage(0, soap.text(child, "Msg")))
    return tuple(out)


def request_fields(req: InvoiceRequest) -> list:
    a = req.amounts
    detail: list = [
        ("Concepto", req.concept), ("DocTipo", req.buyer_doc_type), ("DocNro", req.buyer_doc_number),
        ("CbteDesde", req.number), ("CbteHasta", req.number), ("CbteFch", _yyyymmdd(req.issued)),
        ("ImpTotal", a.total), ("ImpTotConc", a.untaxed), ("ImpNeto", a.net), ("ImpOpEx", a.exempt),
        ("ImpTrib", a.other_taxes), ("ImpIVA", a.vat), ("MonId", req.currency), ("MonCotiz", 1),
        ("CondicionIVAReceptorId", req.buyer_vat_condition),
    ]
    if req.related:
        detail.append(("CbtesAsoc", [("CbteAsoc", [("Tipo", t), ("PtoVta", p), ("Nro", n)])
                                     for t, p, n in req.related]))
    if a.vat_lines:
        detail.append(("Iva", [("AlicIva", [("Id", v.vat_id), ("BaseImp", v.base), ("Importe", v.amount)])
                               for v in a.vat_lines]))
    return [("FeCAEReq", [
        ("FeCabReq", [("CantReg", 1), ("PtoVta", req.point_of_sale), ("CbteTipo", req.doc_type)]),
        ("FeDetReq", [("FECAEDetRequest", detail)]),
    ])]


@dataclass
class ArcaEndpoints:
    wsaa: str = HOMO_WSAA
    wsfe: str = HOMO_WSFE

    @classmethod
    def for_base(cls, base_url: str) -> ArcaEndpoints:
        """The simulator's (or any host's) paths under one base URL."""
        base = base_url.rstrip("/")
        return cls(wsaa=f"{base}/ws/services/LoginCms", wsfe=f"{base}/wsfev1/service.asmx")


@dataclass
class ArcaClient:
    """WSAA + WSFEv1 for one CUIT. `http` is an httpx.AsyncClient the caller owns."""

    http: httpx.AsyncClient
    cuit: int
    credentials: Credentials | Callable[[], Credentials]
    endpoints: ArcaEndpoints = field(default_factory=ArcaEndpoints)
    tickets: TicketStore = field(default_factory=MemoryTicketStore)
    timeout: httpx.Timeout = field(default_factory=lambda: DEFAULT_TIMEOUT)
    clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    _login_lock: asyncio.Lock = field(default_factory=asyncio.Lock, init=False, repr=False)

    # -- transport --

    async def _post(self, url: str, body: bytes, action: str) -> bytes:
        headers = {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": f'"{action}"'}
        try:
            response = await self.http.post(url, content=body, headers=headers, timeout=self.timeout)
        except httpx.TimeoutException as exc:
            raise ArcaUnavailable("ARCA no respondió a tiempo: la factura queda pendiente y se reintenta.") from exc
        except httpx.HTTPError as exc:
            raise ArcaUnavailable("No hay conexión con ARCA: la factura queda pendiente y se reintenta.") from exc
        if response.status_code >= 500 and b"Fault" not in response.content:
            raise ArcaUnavailable(f"ARCA respondió con un error {response.status_code}: la factura queda pendiente.")
        if response.status_code >= 400 and b"Fault" not in response.content:
            raise ArcaRejected(f"ARCA rechazó el pedido (HTTP {response.status_code}).")
        return response.content

    # -- WSAA --

    def _credentials(self) -> Credentials:
        return self.credentials() if callable(self.credentials) else self.credentials

    async def ticket(self, *, force: bool = False) -> Ticket:
        async with self._login_lock:
            now = self.clock()
            cached = None if force else self.tickets.load(SERVICE)
            if cached is not None and cached.valid(now):
                return cached
            body = login_request(self._credentials(), now)
            data = await self._post(self.endpoints.wsaa, body, "")
            ticket = parse_login_response(data)
            self.tickets.save(ticket)
            return ticket

    # -- WSFEv1 --

    async def _call(self, operation: str, fields: list, *, auth: bool = True):
        for attempt in (0, 1):
            head: list = []
            if auth:
                t = await self.ticket(force=attempt == 1)
                head = [("Auth", [("Token", t.token), ("Sign", t.sign), ("Cuit", self.cuit)])]
            data = await self._post(self.endpoints.wsfe, soap.envelope(WSFE_NS, operation, head + fields),
                                    WSFE_NS + operation)
            try:
                result = soap.body_of(data).find(f"{operation}Result")
            except soap.SoapFault as exc:
                raise ArcaRejected(f"ARCA rechazó el pedido: {exc.text.strip()}".rstrip(".") + ".") from None
            except ValueError as exc:
                raise ArcaUnavailable("ARCA respondió algo ilegible: la factura queda pendiente.") from exc
            if result is None:
                raise ArcaUnavailable("ARCA respondió sin resultado: la factura queda pendiente.")
            errors = _messages(result, "Errors", "Err")
            if errors and {e.code for e in errors} & {600} and auth and attempt == 0:
                continue  # the ticket was refused: log in once more
            return result, errors
        raise ArcaAuthError("ARCA no acepta el ticket de acceso aun después de iniciar sesión de nuevo.")

    async def dummy(self) -> dict[str, str]:
        result, _ = await self._call("FEDummy", [], auth=False)
        return {k: soap.text(result, k) for k in ("AppServer", "DbServer", "AuthServer")}

    async def last_authorized(self, point_of_sale: int, doc_type: int) -> int:
        result, errors = await self._call("FECompUltimoAutorizado", [("PtoVta", point_of_sale),
                                                                     ("CbteTipo", doc_type)])
        if errors:
            raise classify(errors)
        return int(soap.text(result, "CbteNro") or 0)

    async def request_cae(self, req: InvoiceRequest) -> Authorization:
        result, errors = await self._call("FECAESolicitar", request_fields(req))
        det = soap.find(result, "FeDetResp/FECAEDetResponse")
        observations = _messages(det, "Observaciones", "Obs")
        outcome = soap.text(det, "Resultado") or soap.text(result, "FeCabResp/Resultado")
        if errors or outcome != "A":
            raise classify(errors, observations)
        cae = soap.text(det, "CAE")
        if not (cae.isdigit() and len(cae) == 14):
            raise ArcaUnavailable("ARCA aprobó el comprobante sin un CAE válido: se consulta de nuevo.")
        return Authorization(int(soap.text(det, "CbteDesde")), cae, parse_yyyymmdd(soap.text(det, "CAEFchVto")),
                             outcome, observations)

    async def query(self, point_of_sale: int, doc_type: int, number: int) -> Comprobante | None:
        """FECompConsultar: the comprobante, or None when ARCA has no such number (error 602)."""
        result, errors = await self._call("FECompConsultar", [("FeCompConsReq", [
            ("CbteTipo", doc_type), ("CbteNro", number), ("PtoVta", point_of_sale)])])
        if errors:
            if {e.code for e in errors} == {602}:
                return None
            raise classify(errors)
        r = soap.find(result, "ResultGet")
        return Comprobante(
            int(soap.text(r, "PtoVta")), int(soap.text(r, "CbteTipo")), int(soap.text(r, "CbteDesde")),
            parse_yyyymmdd(soap.text(r, "CbteFch")), Decimal(soap.text(r, "ImpTotal")),
            int(soap.text(r, "DocTipo")), int(soap.text(r, "DocNro") or 0), soap.text(r, "CodAutorizacion"),
            parse_yyyymmdd(soap.text(r, "FchVto")), soap.text(r, "Resultado"),
        )

    async def param_list(self, operation: str, item: str) -> list[dict[str, str]]:
        """A FEParamGet* list: "FEParamGetTiposCbte"/"CbteTipo", "FEParamGetTiposIva"/"IvaTipo",
        "FEParamGetTiposMonedas"/"Moneda", "FEParamGetTiposDoc"/"DocTipo"."""
        result, errors = await self._call(operation, [])
        if errors:
            raise classify(errors)
        node = soap.find(result, "ResultGet")
        return [{c.tag: (c.text or "").strip() for c in entry} for entry in (node.findall(item) if node is not None
                                                                             else [])]
