"""The WSDLs the simulator serves (`?WSDL`), written for it: the operations, SOAPActions and
message elements of ARCA's published WSAA (LoginCms) and WSFEv1 (service.asmx) documents.
Complex request/response types are declared to the depth the client and simulator use."""

from __future__ import annotations

WSFE_NS = "http://ar.gov.afip.dif.FEV1/"
WSAA_NS = "http://wsaa.view.sua.dvadac.desein.afip.gov"

# operation -> the request's child elements (after Auth)
WSFE_OPERATIONS: dict[str, tuple[str, ...]] = {
    "FEDummy": (),
    "FECompUltimoAutorizado": ("Auth", "PtoVta", "CbteTipo"),
    "FECAESolicitar": ("Auth", "FeCAEReq"),
    "FECompConsultar": ("Auth", "FeCompConsReq"),
    "FEParamGetTiposCbte": ("Auth",),
    "FEParamGetTiposIva": ("Auth",),
    "FEParamGetTiposMonedas": ("Auth",),
    "FEParamGetTiposDoc": ("Auth",),
    "FEParamGetCondicionIvaReceptor": ("Auth",),
}

_TYPES = {
    "Auth": "FEAuthRequest", "PtoVta": "xs:int", "CbteTipo": "xs:int", "FeCAEReq": "FECAERequest",
    "FeCompConsReq": "FECompConsultaReq",
}

_COMPLEX = """
      <xs:complexType name="FEAuthRequest"><xs:sequence>
        <xs:element name="Token" type="xs:string"/><xs:element name="Sign" type="xs:string"/>
        <xs:element name="Cuit" type="xs:long"/></xs:sequence></xs:complexType>
      <xs:complexType name="FECAERequest"><xs:sequence>
        <xs:element name="FeCabReq"><xs:complexType><xs:sequence>
          <xs:element name="CantReg" type="xs:int"/><xs:element name="PtoVta" type="xs:int"/>
          <xs:element name="CbteTipo" type="xs:int"/></xs:sequence></xs:complexType></xs:element>
        <xs:element name="FeDetReq"><xs:complexType><xs:sequence>
          <xs:element name="FECAEDetRequest" maxOccurs="unbounded" type="tns:FECAEDetRequest"/>
        </xs:sequence></xs:complexType></xs:element></xs:sequence></xs:complexType>
      <xs:complexType name="FECAEDetRequest"><xs:sequence>
        <xs:element name="Concepto" type="xs:int"/><xs:element name="DocTipo" type="xs:int"/>
        <xs:element name="DocNro" type="xs:long"/><xs:element name="CbteDesde" type="xs:long"/>
        <xs:element name="CbteHasta" type="xs:long"/><xs:element name="CbteFch" type="xs:string" minOccurs="0"/>
        <xs:element name="ImpTotal" type="xs:double"/><xs:element name="ImpTotConc" type="xs:double"/>
        <xs:element name="ImpNeto" type="xs:double"/><xs:element name="ImpOpEx" type="xs:double"/>
        <xs:element name="ImpTrib" type="xs:double"/><xs:element name="ImpIVA" type="xs:double"/>
        <xs:element name="FchServDesde" type="xs:string" minOccurs="0"/>
        <xs:element name="FchServHasta" type="xs:string" minOccurs="0"/>
        <xs:element name="FchVtoPago" type="xs:string" minOccurs="0"/>
        <xs:element name="MonId" type="xs:string"/><xs:element name="MonCotiz" type="xs:double"/>
        <xs:element name="CondicionIVAReceptorId" type="xs:int" minOccurs="0"/>
        <xs:element name="CbtesAsoc" minOccurs="0"><xs:complexType><xs:sequence>
          <xs:element name="CbteAsoc" maxOccurs="unbounded"><xs:complexType><xs:sequence>
            <xs:element name="Tipo" type="xs:int"/><xs:element name="PtoVta" type="xs:int"/>
            <xs:element name="Nro" type="xs:long"/></xs:sequence></xs:complexType></xs:element>
        </xs:sequence></xs:complexType></xs:element>
        <xs:element name="Iva" minOccurs="0"><xs:complexType><xs:sequence>
          <xs:element name="AlicIva" maxOccurs="unbounded"><xs:complexType><xs:sequence>
            <xs:element name="Id" type="xs:int"/><xs:element name="BaseImp" type="xs:double"/>
            <xs:element name="Importe" type="xs:double"/></xs:sequence></xs:complexType></xs:element>
        </xs:sequence></xs:complexType></xs:element>
      </xs:sequence></xs:complexType>
      <xs:complexType name="FECompConsultaReq"><xs:sequence>
        <xs:element name="CbteTipo" type="xs:int"/><xs:element name="CbteNro" type="xs:long"/>
        <xs:element name="PtoVta" type="xs:int"/></xs:sequence></xs:complexType>"""


def wsfe_wsdl(location: str) -> str:
    elements, messages, ports, bindings = [], [], [], []
    for op, parts in WSFE_OPERATIONS.items():
        seq = "".join(f'<xs:element name="{p}" type="{_TYPES[p] if ":" in _TYPES[p] else "tns:" + _TYPES[p]}" '
                      f'minOccurs="0"/>' for p in parts)
        elements.append(f'<xs:element name="{op}"><xs:complexType><xs:sequence>{seq}</xs:sequence>'
                        f'</xs:complexType></xs:element>')
        elements.append(f'<xs:element name="{op}Response"><xs:complexType><xs:sequence>'
                        f'<xs:element name="{op}Result" type="xs:anyType" minOccurs="0"/></xs:sequence>'
                        f'</xs:complexType></xs:element>')
        messages.append(f'<wsdl:message name="{op}SoapIn"><wsdl:part name="parameters" element="tns:{op}"/>'
                        f'</wsdl:message><wsdl:message name="{op}SoapOut"><wsdl:part name="parameters" '
                        f'element="tns:{op}Response"/></wsdl:message>')
        ports.append(f'<wsdl:operation name="{op}"><wsdl:input message="tns:{op}SoapIn"/>'
                     f'<wsdl:output message="tns:{op}SoapOut"/></wsdl:operation>')
        bindings.append(f'<wsdl:operation name="{op}"><soap:operation soapAction="{WSFE_NS}{op}" style="document"/>'
                        '<wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/>'
                        '</wsdl:output></wsdl:operation>')
    return f"""<?xml version="1.0" encoding="utf-8"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="{WSFE_NS}" targetNamespace="{WSFE_NS}">
  <wsdl:types>
    <xs:schema elementFormDefault="qualified" targetNamespace="{WSFE_NS}">{_COMPLEX}
      {"".join(elements)}
    </xs:schema>
  </wsdl:types>
  {"".join(messages)}
  <wsdl:portType name="ServiceSoap">{"".join(ports)}</wsdl:portType>
  <wsdl:binding name="ServiceSoap" type="tns:ServiceSoap">
    <soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>{"".join(bindings)}
  </wsdl:binding>
  <wsdl:service name="Service"><wsdl:port name="ServiceSoap" binding="tns:ServiceSoap">
    <soap:address location="{location}"/></wsdl:port></wsdl:service>
</wsdl:definitions>
"""


def wsaa_wsdl(location: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:wsdlsoap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:impl="{WSAA_NS}" targetNamespace="{WSAA_NS}">
  <wsdl:types>
    <schema xmlns="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified" targetNamespace="{WSAA_NS}">
      <element name="loginCms"><complexType><sequence><element name="in0" type="xsd:string"/></sequence>
      </complexType></element>
      <element name="loginCmsResponse"><complexType><sequence><element name="loginCmsReturn" type="xsd:string"/>
      </sequence></complexType></element>
    </schema>
  </wsdl:types>
  <wsdl:message name="loginCmsRequest"><wsdl:part element="impl:loginCms" name="parameters"/></wsdl:message>
  <wsdl:message name="loginCmsResponse"><wsdl:part element="impl:loginCmsResponse" name="parameters"/></wsdl:message>
  <wsdl:portType name="LoginCMS"><wsdl:operation name="loginCms">
    <wsdl:input message="impl:loginCmsRequest" name="loginCmsRequest"/>
    <wsdl:output message="impl:loginCmsResponse" name="loginCmsResponse"/></wsdl:operation></wsdl:portType>
  <wsdl:binding name="LoginCmsSoapBinding" type="impl:LoginCMS">
    <wsdlsoap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="loginCms"><wsdlsoap:operation soapAction=""/>
      <wsdl:input name="loginCmsRequest"><wsdlsoap:body use="literal"/></wsdl:input>
      <wsdl:output name="loginCmsResponse"><wsdlsoap:body use="literal"/></wsdl:output></wsdl:operation>
  </wsdl:binding>
  <wsdl:service name="LoginCMSService"><wsdl:port binding="impl:LoginCmsSoapBinding" name="LoginCms">
    <wsdlsoap:address location="{location}"/></wsdl:port></wsdl:service>
</wsdl:definitions>
"""
