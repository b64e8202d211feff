"""Argentine electronic invoices (ARCA, formerly AFIP): Factura B / C with a CAE for every sale.

Qt-free. `wsaa` logs in (a CMS-signed LoginTicketRequest), `wsfe` talks to WSFEv1 (hand-built
SOAP 1.1 over httpx, parsed with the standard library's ElementTree: no zeep, no lxml),
`amounts` computes the invoice's amounts and VAT in Decimal, `qr` builds the RG 4892 QR,
`invoices` is the journal-backed queue that sends each sale's invoice in the background,
exactly one number per sale. `simulator` plays ARCA on loopback (`qrcashier-arca-sim`).
Nothing here is imported unless fiscal is configured.
"""
