"""The report's words in the site's language (es, pt, en), as the receipt's labels are:
paper and PDF follow the store's site, not the cashier's UI language."""

from __future__ import annotations

from qrcashier.domain.money import Site
from qrcashier.domain.receipt import language_for

_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "discounts": "Discounts", "parked_discarded": "Parked carts discarded", "taxes": "TAXES BY RATE",
        "vat": "VAT", "net": "net",
        "title_X": "X REPORT", "title_Z": "Z REPORT", "running": "Shift open: figures so far",
        "store": "Store", "register": "Register", "cashier": "Cashier", "shift": "Shift",
        "opened": "Opened", "closed": "Closed", "first": "First receipt", "last": "Last receipt",
        "sales": "SALES", "sales_count": "Sales", "total": "Total", "by_tender": "BY TENDER",
        "cash": "Cash", "qr": "QR Mercado Pago", "point": "Point", "card": "Card",
        "refunds": "REFUNDS", "cancellations": "Cancellations", "needs_review": "Needs review",
        "movements": "CASH MOVEMENTS", "in": "Cash in", "out": "Cash out", "none": "None",
        "drawer": "CASH DRAWER", "float": "Float", "expected": "Expected cash", "counted": "Counted",
        "difference": "Difference", "not_counted": "not counted yet",
        "by_hour": "SALES BY HOUR", "reconciliation": "MERCADO PAGO RECONCILIATION",
        "reconciled": "Reconciled", "discrepancies": "Discrepancies", "not_reconciled": "Not reconciled",
        "missing_in_journal": "Paid in Mercado Pago, not in the journal",
        "unconfirmed": "Not confirmed by Mercado Pago", "sale_list": "SALES LIST",
        "receipt": "Receipt", "time": "Time", "tenders": "Tenders", "received": "Received",
        "change": "Change", "page": "Page", "of": "of", "count": "Count",
        "invoices": "ARCA INVOICES", "invoices_pending": "Pending in ARCA", "to": "to",
        "state_pending": "pending", "state_requesting": "sent", "state_rejected": "rejected",
    },
    "es": {
        "discounts": "Descuentos", "parked_discarded": "Ventas en espera descartadas", "taxes": "IVA POR ALÍCUOTA",
        "vat": "IVA", "net": "neto",
        "title_X": "INFORME X", "title_Z": "INFORME Z", "running": "Turno abierto: cifras parciales",
        "store": "Tienda", "register": "Caja", "cashier": "Cajero", "shift": "Turno",
        "opened": "Apertura", "closed": "Cierre", "first": "Primer comprobante",
        "last": "Último comprobante", "sales": "VENTAS", "sales_count": "Ventas", "total": "Total",
        "by_tender": "POR MEDIO DE PAGO", "cash": "Efectivo", "qr": "QR Mercado Pago", "point": "Point",
        "card": "Tarjeta", "refunds": "DEVOLUCIONES", "cancellations": "Cancelaciones",
        "needs_review": "A revisar", "movements": "MOVIMIENTOS DE CAJA", "in": "Ingreso", "out": "Retiro",
        "none": "Ninguno", "drawer": "ARQUEO DE CAJA", "float": "Fondo inicial", "expected": "Efectivo esperado",
        "counted": "Contado", "difference": "Diferencia", "not_counted": "sin contar aún",
        "by_hour": "VENTAS POR HORA", "reconciliation": "CONCILIACIÓN CON MERCADO PAGO",
        "reconciled": "Conciliado", "discrepancies": "Con diferencias", "not_reconciled": "Sin conciliar",
        "missing_in_journal": "Cobrado en Mercado Pago, falta en el diario",
        "unconfirmed": "Sin confirmación de Mercado Pago", "sale_list": "DETALLE DE VENTAS",
        "receipt": "Comprobante", "time": "Hora", "tenders": "Medios", "received": "Recibido",
        "change": "Vuelto", "page": "Página", "of": "de", "count": "Cant.",
        "invoices": "COMPROBANTES ARCA", "invoices_pending": "Pendientes en ARCA", "to": "a",
        "state_pending": "pendiente", "state_requesting": "enviado", "state_rejected": "rechazado",
    },
    "pt": {
        "discounts": "Descontos", "parked_discarded": "Vendas em espera descartadas",
        "taxes": "IMPOSTOS POR ALÍQUOTA", "vat": "Imposto", "net": "líquido",
        "title_X": "RELATÓRIO X", "title_Z": "RELATÓRIO Z", "running": "Turno aberto: valores parciais",
        "store": "Loja", "register": "Caixa", "cashier": "Operador", "shift": "Turno",
        "opened": "Abertura", "closed": "Fechamento", "first": "Primeiro comprovante",
        "last": "Último comprovante", "sales": "VENDAS", "sales_count": "Vendas", "total": "Total",
        "by_tender": "POR FORMA DE PAGAMENTO", "cash": "Dinheiro", "qr": "QR Mercado Pago", "point": "Point",
        "card": "Cartão", "refunds": "ESTORNOS", "cancellations": "Cancelamentos",
        "needs_review": "A revisar", "movements": "MOVIMENTOS DE CAIXA", "in": "Suprimento", "out": "Sangria",
        "none": "Nenhum", "drawer": "CONFERÊNCIA DE CAIXA", "float": "Fundo de troco",
        "expected": "Dinheiro esperado", "counted": "Contado", "difference": "Diferença",
        "not_counted": "ainda não contado", "by_hour": "VENDAS POR HORA",
        "reconciliation": "CONCILIAÇÃO COM MERCADO PAGO", "reconciled": "Conciliado",
        "discrepancies": "Com divergências", "not_reconciled": "Não conciliado",
        "missing_in_journal": "Pago no Mercado Pago, ausente no diário",
        "unconfirmed": "Sem confirmação do Mercado Pago", "sale_list": "LISTA DE VENDAS",
        "receipt": "Comprovante", "time": "Hora", "tenders": "Pagamentos", "received": "Recebido",
        "change": "Troco", "page": "Página", "of": "de", "count": "Qtd.",
        "invoices": "DOCUMENTOS ARCA", "invoices_pending": "Pendentes na ARCA", "to": "a",
        "state_pending": "pendente", "state_requesting": "enviado", "state_rejected": "rejeitado",
    },
}


class Labels:
    """`labels["cash"]`: the word in the site's language; an unknown tender kind shows as itself."""

    def __init__(self, site: Site) -> None:
        self.language = language_for(site)
        self._words = _LABELS.get(self.language, _LABELS["en"])

    def __getitem__(self, key: str) -> str:
        return self._words.get(key, key)

    def get(self, key: str, default: str) -> str:
        return self._words.get(key, default)
