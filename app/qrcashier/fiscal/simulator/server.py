"""The simulator's aiohttp app: WSAA at /ws/services/LoginCms, WSFEv1 at /wsfev1/service.asmx
(both answer ?WSDL), the QR check at /fe/qr/?p=, and a control API under /sim/ (faults, the
authorized comprobantes, test certificates from a CSR)."""

from __future__ import annotations

import asyncio
import base64
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from aiohttp import web

from qrcashier.fiscal import soap
from qrcashier.fiscal.qr import decode_qr_url
from qrcashier.fiscal.simulator import cms
from qrcashier.fiscal.simulator.ca import TestCA, cuit_of
from qrcashier.fiscal.simulator.state import ALLOWED_TYPES, Books, Rejected
from qrcashier.fiscal.simulator.wsdl import WSAA_NS, WSFE_NS, wsaa_wsdl, wsfe_wsdl


@dataclass
class Faults:
    """What the next requests suffer. `mode`: "down" (500 on every call), "error500" (one 500),
    "timeout_after_commit" (FECAESolicitar records the comprobante, then never answers),
    "slow" (each answer waits `delay` seconds); `count`: how many requests (None: until cleared)."""

    mode: str | None = None
    count: int | None = None
    delay: float = 0.0

    def take(self, operation: str) -> str | None:
        if self.mode is None:
            return None
        if self.mode == "timeout_after_commit" and operation != "FECAESolicitar":
            return None
        mode = self.mode
        if self.count is not None:
            self.count -= 1
            if self.count <= 0:
                self.mode, self.count = None, None
        return mode


@dataclass
class Simulator:
    ca: TestCA = field(default_factory=TestCA)
    books: Books = field(default_factory=Books)
    faults: Faults = field(default_factory=Faults)
    refuse_repeat_login: bool = True
    clock: object = None  # a callable returning an aware datetime; None: the wall clock
    hang: asyncio.Event = field(default_factory=asyncio.Event)

    def now(self) -> datetime:
        return self.clock() if callable(self.clock) else datetime.now(UTC)


SIM: web.AppKey[Simulator] = web.AppKey("sim", Simulator)


def _soap_response(operation: str, ns: str, build) -> bytes:
    ET.register_namespace("soap", soap.SOAP_ENV)
    root = ET.Element(f"{{{soap.SOAP_ENV}}}Envelope")
    body = ET.SubElement(root, f"{{{soap.SOAP_ENV}}}Body")
    response = ET.SubElement(body, f"{{{ns}}}{operation}Response")
    build(response, lambda parent, name, value=None: _child(parent, ns, name, value))
    return b'<?xml version="1.0" encoding="utf-8"?>' + ET.tostring(root, encoding="utf-8")


def _child(parent, ns, name, value=None):
    el = ET.SubElement(parent, f"{{{ns}}}{name}")
    if value is not None:
        el.text = format(value, "f") if isinstance(value, Decimal) else str(value)
    return el


def _xml(data: bytes, status: int = 200) -> web.Response:
    return web.Response(body=data, status=status, content_type="text/xml", charset="utf-8")


def _fields(element) -> dict:
    """A request element as a dict of its children's text; Iva/AlicIva and CbtesAsoc as lists."""
    out: dict = {}
    for child in element:
        if child.tag == "Iva":
            out["Iva"] = [{c.tag: (c.text or "").strip() for c in a} for a in child.findall("AlicIva")]
        elif child.tag == "CbtesAsoc":
            out["CbtesAsoc"] = [{c.tag: (c.text or "").strip() for c in a} for a in child]
        elif len(child):
            out[child.tag] = child
        else:
            out[child.tag] = (child.text or "").strip()
    return out


# --- WSAA ----------------------------------------------------------------------------------

async def login_cms(request: web.Request) -> web.Response:
    sim: Simulator = request.app[SIM]
    if "wsdl" in {k.lower() for k in request.query}:
        return web.Response(text=wsaa_wsdl(str(request.url.with_query(None))), content_type="text/xml")
    mode = sim.faults.take("loginCms")
    if mode in ("down", "error500"):
        return web.Response(status=500, text="Internal Server Error")
    try:
        call = soap.body_of(await request.read())
        der = base64.b64decode(soap.text(call, "in0"), validate=True)
    except (ValueError, soap.SoapFault):
        return _xml(soap.fault("ns1:xml.bad", "No se ha podido interpretar el XML contra el SCHEMA"), 500)
    try:
        verified = cms.verify(der, sim.ca.certificate)
    except cms.CmsError:
        return _xml(soap.fault("ns1:cms.bad", "Firma inválida o algoritmo no soportado"), 500)
    now = sim.now()
    cert = verified.certificate
    if not cert.not_valid_before_utc <= now <= cert.not_valid_after_utc:
        return _xml(soap.fault("ns1:cms.cert.expired", "Certificado expirado"), 500)
    cuit = cuit_of(cert)
    try:
        tra = soap.parse_xml(verified.content)
        generated = datetime.fromisoformat(soap.text(tra, "header/generationTime"))
        expires = datetime.fromisoformat(soap.text(tra, "header/expirationTime"))
        service = soap.text(tra, "service")
    except ValueError:
        return _xml(soap.fault("ns1:xml.bad", "No se ha podido interpretar el XML contra el SCHEMA"), 500)
    if cuit is None:
        return _xml(soap.fault("ns1:cms.cert.untrusted", "Certificado sin CUIT"), 500)
    if service != "wsfe":
        return _xml(soap.fault("ns1:coe.notAuthorized", "Computador no autorizado a acceder al servicio"), 500)
    if not generated <= now + timedelta(minutes=10) or not now < expires or expires - generated > timedelta(days=1):
        return _xml(soap.fault("ns1:xml.generationTime.invalid", "generationTime/expirationTime inválidos"), 500)
    try:
        ticket = sim.books.login(cuit, now, refuse_repeat=sim.refuse_repeat_login)
    except Rejected:
        return _xml(soap.fault("ns1:coe.alreadyAuthenticated",
                               "El CEE ya posee un TA valido para el acceso al WSN solicitado"), 500)
    inner = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><loginTicketResponse version="1.0"><header>'
             f'<source>CN=wsaahomo, O=AFIP, C=AR</source><destination>{cert.subject.rfc4514_string()}</destination>'
             f'<uniqueId>{int(now.timestamp())}</uniqueId><generationTime>{now.isoformat()}</generationTime>'
             f'<expirationTime>{ticket.expires.isoformat()}</expirationTime></header><credentials>'
             f'<token>{ticket.token}</token><sign>{ticket.sign}</sign></credentials></loginTicketResponse>')
    return _xml(_soap_response("loginCms", WSAA_NS, lambda r, add: add(r, "loginCmsReturn", inner)))


# --- WSFEv1 --------------------------------------------------------------------------------

def _errors(add, result, code: int, message: str) -> None:
    err = add(add(result, "Errors"), "Err")
    add(err, "Code", code)
    add(err, "Msg", message)


async def wsfe(request: web.Request) -> web.Response:
    sim: Simulator = request.app[SIM]
    if "wsdl" in {k.lower() for k in request.query}:
        return web.Response(text=wsfe_wsdl(str(request.url.with_query(None))), content_type="text/xml")
    try:
        call = soap.body_of(await request.read())
    except (ValueError, soap.SoapFault):
        return _xml(soap.fault("soap:Client", "Server was unable to read request."), 500)
    operation = call.tag
    mode = sim.faults.take(operation)
    if mode in ("down", "error500"):
        return web.Response(status=500, text="Internal Server Error")
    if mode == "slow":
        await asyncio.sleep(sim.faults.delay)
    handler = _OPERATIONS.get(operation)
    if handler is None:
        return _xml(soap.fault("soap:Client", f"Server did not recognize the value of HTTP Header SOAPAction: "
                                              f"{operation}."), 500)
    fields = _fields(call)
    now = sim.now()
    cuit = 0
    if operation != "FEDummy":
        auth = _fields(fields.get("Auth")) if fields.get("Auth") is not None else {}
        try:
            cuit = int(auth.get("Cuit", "0") or 0)
            sim.books.check_auth(auth.get("Token", ""), auth.get("Sign", ""), cuit, now)
        except (Rejected, ValueError) as exc:
            code, msg = (exc.code, exc.message) if isinstance(exc, Rejected) else (600, "Cuit inválida")
            return _xml(_soap_response(operation, WSFE_NS,
                                       lambda r, add: _errors(add, add(r, f"{operation}Result"), code, msg)))
    body = handler(sim, cuit, fields, now)
    if mode == "timeout_after_commit":
        await sim.hang.wait()  # recorded, never answered: the client times out
    return _xml(body)


def _dummy(sim, cuit, fields, now):
    def build(r, add):
        res = add(r, "FEDummyResult")
        for k in ("AppServer", "DbServer", "AuthServer"):
            add(res, k, "OK")
    return _soap_response("FEDummy", WSFE_NS, build)


def _last(sim: Simulator, cuit, fields, now):
    def build(r, add):
        res = add(r, "FECompUltimoAutorizadoResult")
        try:
            pos, tipo = int(fields.get("PtoVta", "")), int(fields.get("CbteTipo", ""))
        except ValueError:
            _errors(add, res, 10015, "PtoVta y CbteTipo son obligatorios y numéricos")
            return
        add(res, "PtoVta", pos)
        add(res, "CbteTipo", tipo)
        add(res, "CbteNro", sim.books.last(cuit, pos, tipo))
    return _soap_response("FECompUltimoAutorizado", WSFE_NS, build)


def _solicitar(sim: Simulator, cuit, fields, now):
    req = fields.get("FeCAEReq")
    head = _fields(req.find("FeCabReq")) if req is not None and req.find("FeCabReq") is not None else {}
    dets = req.find("FeDetReq") if req is not None else None
    det = _fields(dets[0]) if dets is not None and len(dets) else {}

    def build(r, add):
        res = add(r, "FECAESolicitarResult")
        cab = add(res, "FeCabResp")
        for k in ("PtoVta", "CbteTipo", "CantReg"):
            add(cab, k, head.get(k, ""))
        add(cab, "Cuit", cuit)
        add(cab, "FchProceso", now.strftime("%Y%m%d%H%M%S"))
        try:
            stored = sim.books.authorize(cuit, head, det, now)
        except Rejected as exc:
            add(cab, "Resultado", "R")
            add(cab, "Reproceso", "N")
            if exc.code == 10016 or exc.code in (10001, 10004, 10007):
                _errors(add, res, exc.code, exc.message)
                return
            d = add(add(res, "FeDetResp"), "FECAEDetResponse")
            for k in ("Concepto", "DocTipo", "DocNro", "CbteDesde", "CbteHasta", "CbteFch"):
                add(d, k, det.get(k, ""))
            add(d, "Resultado", "R")
            obs = add(add(d, "Observaciones"), "Obs")
            add(obs, "Code", exc.code)
            add(obs, "Msg", exc.message)
            add(d, "CAE", "")
            add(d, "CAEFchVto", "")
            return
        add(cab, "Resultado", "A")
        add(cab, "Reproceso", "N")
        d = add(add(res, "FeDetResp"), "FECAEDetResponse")
        for k in ("Concepto", "DocTipo", "DocNro", "CbteDesde", "CbteHasta", "CbteFch"):
            add(d, k, det.get(k, ""))
        add(d, "Resultado", "A")
        add(d, "CAE", stored.cae)
        add(d, "CAEFchVto", stored.cae_due.strftime("%Y%m%d"))
    return _soap_response("FECAESolicitar", WSFE_NS, build)


def _consultar(sim: Simulator, cuit, fields, now):
    req = fields.get("FeCompConsReq")
    q = _fields(req) if req is not None else {}

    def build(r, add):
        res = add(r, "FECompConsultarResult")
        try:
            found = sim.books.get(cuit, int(q.get("PtoVta", "")), int(q.get("CbteTipo", "")),
                                  int(q.get("CbteNro", "")))
        except ValueError:
            found = None
        if found is None:
            _errors(add, res, 602, "No existen datos en nuestros registros para los parametros ingresados.")
            return
        g = add(res, "ResultGet")
        for k, v in (("Concepto", 1), ("DocTipo", found.buyer_doc_type), ("DocNro", found.buyer_doc_number),
                     ("CbteDesde", found.number), ("CbteHasta", found.number),
                     ("CbteFch", found.issued.strftime("%Y%m%d")), ("ImpTotal", found.total),
                     ("ImpNeto", found.net), ("ImpIVA", found.vat), ("MonId", "PES"), ("MonCotiz", 1),
                     ("Resultado", "A"), ("CodAutorizacion", found.cae), ("EmisionTipo", "CAE"),
                     ("FchVto", found.cae_due.strftime("%Y%m%d")), ("FchProceso", found.authorized_at.strftime(
                         "%Y%m%d%H%M%S")), ("PtoVta", found.point_of_sale), ("CbteTipo", found.doc_type)):
            add(g, k, v)
    return _soap_response("FECompConsultar", WSFE_NS, build)


def _param(operation: str, item: str, rows: list[dict]):
    def handler(sim, cuit, fields, now):
        def build(r, add):
            g = add(add(r, f"{operation}Result"), "ResultGet")
            for row in rows:
                e = add(g, item)
                for k, v in row.items():
                    add(e, k, v)
        return _soap_response(operation, WSFE_NS, build)
    return handler


_OPERATIONS = {
    "FEDummy": _dummy,
    "FECompUltimoAutorizado": _last,
    "FECAESolicitar": _solicitar,
    "FECompConsultar": _consultar,
    "FEParamGetTiposCbte": _param("FEParamGetTiposCbte", "CbteTipo", [
        {"Id": k, "Desc": v, "FchDesde": "20100917", "FchHasta": "NULL"} for k, v in ALLOWED_TYPES.items()]),
    "FEParamGetTiposIva": _param("FEParamGetTiposIva", "IvaTipo", [
        {"Id": i, "Desc": d, "FchDesde": "20090220", "FchHasta": "NULL"}
        for i, d in ((3, "0%"), (4, "10.5%"), (5, "21%"), (6, "27%"), (8, "5%"), (9, "2.5%"))]),
    "FEParamGetTiposMonedas": _param("FEParamGetTiposMonedas", "Moneda", [
        {"Id": "PES", "Desc": "Pesos Argentinos", "FchDesde": "20090403", "FchHasta": "NULL"},
        {"Id": "DOL", "Desc": "Dólar Estadounidense", "FchDesde": "20090403", "FchHasta": "NULL"}]),
    "FEParamGetTiposDoc": _param("FEParamGetTiposDoc", "DocTipo", [
        {"Id": i, "Desc": d, "FchDesde": "20080725", "FchHasta": "NULL"}
        for i, d in ((80, "CUIT"), (86, "CUIL"), (96, "DNI"), (99, "Doc. (Otro)"))]),
    "FEParamGetCondicionIvaReceptor": _param("FEParamGetCondicionIvaReceptor", "CondicionIvaReceptor", [
        {"Id": i, "Desc": d, "Cmp_Clase": c} for i, d, c in ((1, "IVA Responsable Inscripto", "A/M/C"),
                                                            (5, "Consumidor Final", "B/C"),
                                                            (6, "Responsable Monotributo", "A/M/C"))]),
}


# --- QR check and control -------------------------------------------------------------------

async def qr_check(request: web.Request) -> web.Response:
    """Decode a printed QR and compare it with what the simulator authorized."""
    sim: Simulator = request.app[SIM]
    try:
        data = decode_qr_url(str(request.url))
    except ValueError as exc:
        return web.json_response({"valid": False, "reason": str(exc)}, status=400)
    found = sim.books.get(int(data["cuit"]), int(data["ptoVta"]), int(data["tipoCmp"]), int(data["nroCmp"]))
    problems = []
    if found is None:
        problems.append("no such comprobante")
    else:
        if str(data["codAut"]) != found.cae:
            problems.append("codAut is not the CAE")
        if Decimal(str(data["importe"])) != found.total:
            problems.append("importe is not the total")
        if data["fecha"] != found.issued.isoformat():
            problems.append("fecha is not the date")
    return web.json_response({"valid": not problems, "problems": problems, "qr": {k: str(v) for k, v in data.items()}})


async def sim_faults(request: web.Request) -> web.Response:
    sim: Simulator = request.app[SIM]
    body = await request.json()
    sim.faults = Faults(body.get("mode"), body.get("count"), float(body.get("delay", 0)))
    if body.get("mode") is None:
        sim.hang.set()
        sim.hang = asyncio.Event()
    return web.json_response({"mode": sim.faults.mode, "count": sim.faults.count})


async def sim_comprobantes(request: web.Request) -> web.Response:
    sim: Simulator = request.app[SIM]
    return web.json_response([
        {"cuit": c.cuit, "point_of_sale": c.point_of_sale, "type": c.doc_type, "number": c.number,
         "total": str(c.total), "vat": str(c.vat), "cae": c.cae, "date": c.issued.isoformat()}
        for c in sorted(sim.books.all(), key=lambda c: (c.point_of_sale, c.doc_type, c.number))])


async def sim_certificate(request: web.Request) -> web.Response:
    """Sign a PEM CSR with the test CA (what WSASS does in homologación)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    sim: Simulator = request.app[SIM]
    try:
        csr = x509.load_pem_x509_csr(await request.read())
    except ValueError:
        return web.json_response({"error": "the body is not a PEM certificate request"}, status=400)
    if cuit_of(csr) is None:
        return web.json_response({"error": "the request's subject has no serialNumber=CUIT"}, status=400)
    cert = sim.ca.sign_csr(csr)
    return web.Response(body=cert.public_bytes(serialization.Encoding.PEM), content_type="application/x-pem-file")


def make_app(sim: Simulator | None = None) -> web.Application:
    app = web.Application(client_max_size=256 * 1024)
    app[SIM] = sim or Simulator()
    app.router.add_route("*", "/ws/services/LoginCms", login_cms)
    app.router.add_route("*", "/wsfev1/service.asmx", wsfe)
    app.router.add_get("/fe/qr/", qr_check)
    app.router.add_post("/sim/faults", sim_faults)
    app.router.add_get("/sim/comprobantes", sim_comprobantes)
    app.router.add_post("/sim/certificate", sim_certificate)
    return app


@dataclass
class RunningSimulator:
    runner: web.AppRunner
    url: str
    sim: Simulator

    async def close(self) -> None:
        self.sim.hang.set()
        await self.runner.cleanup()


async def start(sim: Simulator | None = None, host: str = "127.0.0.1", port: int = 0) -> RunningSimulator:
    app = make_app(sim)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return RunningSimulator(runner, f"http://{host}:{bound}", app[SIM])
