"""The card tenders' sentences made outside Qt (the Point gateway's decisions, the Point
client's typed errors, the card tender's refusals), listed for lupdate in the "engine"
context, so `i18n.engine_text` translates them where the UI shows them (issue 20).
Kept here, not in ui/shell/engine_texts.py, so the feature's texts live with the feature."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

SENTENCES = (
    # checkout/gateway_point.py decide_point()
    QT_TRANSLATE_NOOP("engine", "Paid by card."),
    QT_TRANSLATE_NOOP("engine", "The customer is paying on the card terminal."),
    QT_TRANSLATE_NOOP("engine", "Waiting for the card terminal to show the order."),
    QT_TRANSLATE_NOOP("engine", "Checking whether the card order reached the terminal."),
    QT_TRANSLATE_NOOP("engine", "Cancelled on the card terminal; nothing was paid."),
    QT_TRANSLATE_NOOP("engine", "The card order was cancelled; nothing was paid."),
    QT_TRANSLATE_NOOP("engine", "The card order expired on the terminal unpaid."),
    QT_TRANSLATE_NOOP("engine", "The terminal's payment does not match the total: a supervisor must review it."),
    QT_TRANSLATE_NOOP("engine", "The card terminal asks to check the payment there: a supervisor must look at the terminal and settle this sale."),  # noqa: E501
    QT_TRANSLATE_NOOP("engine", "Mercado Pago already shows a refund on this card payment"),
    QT_TRANSLATE_NOOP("engine", "Mercado Pago already has a card order for this attempt that differs from the one sent."),  # noqa: E501
    QT_TRANSLATE_NOOP("engine", "The card was declined (insufficient funds): charge again or take another tender."),
    QT_TRANSLATE_NOOP("engine", "The card was declined (refused for risk): charge again or take another tender."),
    QT_TRANSLATE_NOOP("engine", "The card was declined (card disabled): charge again or take another tender."),
    QT_TRANSLATE_NOOP("engine", "The card was declined (card data wrong): charge again or take another tender."),
    QT_TRANSLATE_NOOP("engine", "The card was declined (the bank asks for a call to authorize): charge again or take another tender."),  # noqa: E501
    QT_TRANSLATE_NOOP("engine", "The card was declined (too many attempts): charge again or take another tender."),
    QT_TRANSLATE_NOOP("engine", "The card was declined (amount over the card's limit): charge again or take another tender."),  # noqa: E501
    QT_TRANSLATE_NOOP("engine", "The card was declined (installments not allowed): charge again or take another tender."),  # noqa: E501
    QT_TRANSLATE_NOOP("engine", "The card was declined (processing error): charge again or take another tender."),
    QT_TRANSLATE_NOOP("engine", "The card was declined (declined): charge again or take another tender."),
    # checkout/cancelling.py and charging.py, for a card order
    QT_TRANSLATE_NOOP("engine", "The terminal is confirming the cancel; if the customer pays first, the sale is paid."),
    QT_TRANSLATE_NOOP("engine", "The order is on the card terminal: cancel it on the terminal. If the customer pays first, the sale is paid."),  # noqa: E501
    QT_TRANSLATE_NOOP("engine", "This register has no card terminal: choose one in Settings, or take another tender."),
    # mercadopago/point.py typed errors
    QT_TRANSLATE_NOOP("engine", "The card terminal already has an order waiting: finish or cancel it on the terminal, then try again."),  # noqa: E501
    QT_TRANSLATE_NOOP("engine", "This card terminal is not linked to this Mercado Pago account: choose the register's terminal in Settings."),  # noqa: E501
    QT_TRANSLATE_NOOP("engine", "The card terminal is not in PDV (integrated) mode: switch it in Settings and restart the terminal."),  # noqa: E501
    QT_TRANSLATE_NOOP("engine", "The card terminal has no store and POS in Mercado Pago: assign it to this register's POS."),  # noqa: E501
    QT_TRANSLATE_NOOP("engine", "Mercado Pago does not know this card terminal (404): check the terminal in Settings."),
    QT_TRANSLATE_NOOP("engine", "The order is already on the card terminal: cancel it on the terminal."),
    QT_TRANSLATE_NOOP("engine", "The card order was already cancelled."),
    QT_TRANSLATE_NOOP("engine", "This POS already has a terminal in PDV mode: only one per POS is allowed."),
    QT_TRANSLATE_NOOP("engine", "Mercado Pago refused the card refund in the order's current state."),
    # checkout/till.py and domain/card.py: the card tender (another terminal)
    QT_TRANSLATE_NOOP("engine", "Paid by card (other terminal)."),
    QT_TRANSLATE_NOOP("engine", "The last four digits are four digits (0-9)."),
    QT_TRANSLATE_NOOP("engine", "The authorization code is 1 to 12 letters or digits."),
    QT_TRANSLATE_NOOP("engine", "Installments are a whole number from 1 to 99."),
    QT_TRANSLATE_NOOP("engine", "Nothing is due by card."),
)
