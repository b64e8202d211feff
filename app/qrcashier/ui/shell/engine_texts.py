"""Sentences made outside Qt that the UI shows, listed for lupdate (context "engine").

The engine, the domain, the Mercado Pago client's typed errors, the token store, the
supervisor PIN rules and provisioning write English sentences (they must not import Qt).
The UI translates them where it shows them, with `i18n.engine_text(text)`: whole, else
sentence by sentence, else through the TEMPLATES below (`%1`, `%2` stand for the parts
that change, like a reference or an amount).

tests/i18n checks that every state message and every typed error's default sentence is
listed here, so a new one without a translation fails the suite.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP

# Whole sentences (or whole messages), exactly as the code writes them.
SENTENCES = (
    # domain/sale.py STATE_MESSAGES
    QT_TRANSLATE_NOOP("engine", "The sale is saved; sending the order to the QR."),
    QT_TRANSLATE_NOOP("engine", "Sending the order to the QR."),
    QT_TRANSLATE_NOOP("engine", "The order is on the QR: the customer can scan and pay."),
    QT_TRANSLATE_NOOP("engine", "Checking with Mercado Pago whether the order reached the QR."),
    QT_TRANSLATE_NOOP("engine", "Cancelling: removing the order from the QR and checking for a last-second payment."),
    QT_TRANSLATE_NOOP("engine", "Paid. The receipt is printing."),
    QT_TRANSLATE_NOOP("engine", "Cancelled: the order was removed from the QR and nothing was paid."),
    QT_TRANSLATE_NOOP("engine", "Cancelled, but this order's QR cannot be withdrawn: until it expires, a customer "
                                "who has it can still pay, and that payment completes the sale."),
    QT_TRANSLATE_NOOP("engine", "The order expired unpaid; you can charge the sale again."),
    QT_TRANSLATE_NOOP("engine", "The order could not be placed on the QR; you can charge the sale again."),
    QT_TRANSLATE_NOOP("engine", "The payment could not be confirmed: a supervisor must review this sale."),
    QT_TRANSLATE_NOOP("engine", "A supervisor marked this attempt as not paid."),
    # domain/sale.py decide() and the Orders API's mapping
    QT_TRANSLATE_NOOP("engine", "Paid."),
    QT_TRANSLATE_NOOP("engine", "Mercado Pago closed the order but the amounts paid do not match the total: a "
                                "supervisor must review it."),
    QT_TRANSLATE_NOOP("engine", "The order expired unpaid."),
    QT_TRANSLATE_NOOP("engine", "The payment was rejected: the customer may try again with another card or account."),
    QT_TRANSLATE_NOOP("engine", "The customer scanned the QR."),
    QT_TRANSLATE_NOOP("engine", "Waiting for the customer to scan the QR."),
    QT_TRANSLATE_NOOP("engine", "The payment was charged back: a supervisor must review this sale."),
    QT_TRANSLATE_NOOP("engine", "The order was cancelled; nothing was paid."),
    QT_TRANSLATE_NOOP("engine", "The payment failed and Mercado Pago closed the order; nothing was paid."),
    QT_TRANSLATE_NOOP("engine", "The customer is paying."),
    QT_TRANSLATE_NOOP("engine", "Mercado Pago already shows a refund on this payment"),
    # checkout/engine.py
    QT_TRANSLATE_NOOP("engine", "Mercado Pago could not be reached."),
    QT_TRANSLATE_NOOP("engine", "QR Cashier is still checking earlier sales with Mercado Pago; try again in a moment."),
    QT_TRANSLATE_NOOP("engine", "Another sale's order is still on this register's QR: wait for it, or ask a "
                                "supervisor to cancel it."),
    QT_TRANSLATE_NOOP("engine", "This sale belongs to another register."),
    QT_TRANSLATE_NOOP("engine", "This attempt belongs to another register."),
    QT_TRANSLATE_NOOP("engine", "This payment belongs to another register."),
    QT_TRANSLATE_NOOP("engine", "The order was not sent; the sale is kept: charge it again when the connection is "
                                "back."),
    QT_TRANSLATE_NOOP("engine", "Checking whether the order reached the QR."),
    QT_TRANSLATE_NOOP("engine", "The sale is kept; you can charge it again."),
    QT_TRANSLATE_NOOP("engine", "Something went wrong while sending the order; checking with Mercado Pago."),
    QT_TRANSLATE_NOOP("engine", "Still trying to place the order on the QR."),
    QT_TRANSLATE_NOOP("engine", "The customer paid before the cancel took effect: the sale is paid and the receipt "
                                "is printing."),
    QT_TRANSLATE_NOOP("engine", "If they also paid another way, a supervisor should refund one payment."),
    QT_TRANSLATE_NOOP("engine", "Print the receipt."),
    QT_TRANSLATE_NOOP("engine", "Print the receipt copy."),
    QT_TRANSLATE_NOOP("engine", "Mercado Pago cancelled the order; nothing was paid."),
    QT_TRANSLATE_NOOP("engine", "Mercado Pago has the order: the customer can scan and pay."),
    QT_TRANSLATE_NOOP("engine", "Something went wrong while checking the payment; trying again."),
    QT_TRANSLATE_NOOP("engine", "Checking again in a moment."),
    QT_TRANSLATE_NOOP("engine", "Mercado Pago could not be asked whether this sale was paid before its order "
                                "expired: a supervisor must review it."),
    QT_TRANSLATE_NOOP("engine", "Cancelled before the order was sent."),
    QT_TRANSLATE_NOOP("engine", "The cancel is not confirmed yet: the order may still be on the QR."),
    QT_TRANSLATE_NOOP("engine", "QR Cashier keeps trying."),
    QT_TRANSLATE_NOOP("engine", "The refund is not confirmed yet; retrying uses the same key, so it can never be "
                                "refunded twice."),
    QT_TRANSLATE_NOOP("engine", "Could not check an earlier sale; it stays open and is checked again."),
    QT_TRANSLATE_NOOP("engine", "QR Cashier stopped before this order was sent; the sale is kept: charge it again."),
    QT_TRANSLATE_NOOP("engine", "QR Cashier stopped while sending this order; checking with Mercado Pago."),
    QT_TRANSLATE_NOOP("engine", "An earlier sale is still being checked."),
    QT_TRANSLATE_NOOP("engine", "Mercado Pago shows this sale paid: it is marked paid and the receipt is printing."),
    QT_TRANSLATE_NOOP("engine", "A supervisor confirmed the payment: the receipt is printing."),
    # checkout/journal.py
    QT_TRANSLATE_NOOP("engine", "A supervisor must first review this sale's earlier payment attempt: it may have "
                                "been paid."),
    QT_TRANSLATE_NOOP("engine", "Another order is still on this register's QR: wait for it to finish or cancel it "
                                "first."),
    QT_TRANSLATE_NOOP("engine", "Another order is still on this register's QR."),
    QT_TRANSLATE_NOOP("engine", "A refund must be greater than zero."),
    QT_TRANSLATE_NOOP("engine", "Only a paid sale has a receipt to reprint."),
    QT_TRANSLATE_NOOP("engine", "This sale has an order on the QR or awaiting review: it cannot be discarded."),
    # mercadopago/errors.py default_user_message
    QT_TRANSLATE_NOOP("engine", "Mercado Pago could not complete the request."),
    QT_TRANSLATE_NOOP("engine", "Mercado Pago rejected the request as invalid."),
    QT_TRANSLATE_NOOP("engine", "The access token was refused (401). It may be wrong, revoked or expired: ask a "
                                "supervisor to enter a valid token in Settings."),
    QT_TRANSLATE_NOOP("engine", "There is no access token on this computer: ask a supervisor to enter one in "
                                "Settings."),
    QT_TRANSLATE_NOOP("engine", "This Mercado Pago account is not allowed to do this (403): check that the QR "
                                "product is enabled and that the token belongs to this store's account."),
    QT_TRANSLATE_NOOP("engine", "Mercado Pago does not know this resource (404)."),
    QT_TRANSLATE_NOOP("engine", "Mercado Pago does not know this register's POS (404): check the store and POS ids "
                                "in Settings (the POS external id, not its number)."),
    QT_TRANSLATE_NOOP("engine", "Mercado Pago refused the request because it conflicts with an earlier one (409)."),
    QT_TRANSLATE_NOOP("engine", "Mercado Pago asked us to slow down (429); retrying shortly."),
    QT_TRANSLATE_NOOP("engine", "Mercado Pago is having trouble right now (server error); retrying shortly."),
    QT_TRANSLATE_NOOP("engine", "Mercado Pago did not answer in time; checking again."),
    QT_TRANSLATE_NOOP("engine", "Cannot reach Mercado Pago: check the internet connection."),
    QT_TRANSLATE_NOOP("engine", "Mercado Pago sent an unreadable answer; checking again."),
    # domain/cart.py and domain/money.py (shown with a capital and a full stop)
    QT_TRANSLATE_NOOP("engine", "The quantity must be a whole number."),
    QT_TRANSLATE_NOOP("engine", "The quantity must be at least 1."),
    QT_TRANSLATE_NOOP("engine", "The cart is empty: add at least one item."),
    QT_TRANSLATE_NOOP("engine", "The total must be greater than zero."),
    QT_TRANSLATE_NOOP("engine", "Enter an amount."),
    QT_TRANSLATE_NOOP("engine", "The amount must be a finite number."),
    QT_TRANSLATE_NOOP("engine", "The amount cannot be negative."),
    QT_TRANSLATE_NOOP("engine", "The amount must be greater than zero."),
    # supervisor.py (PIN rules)
    QT_TRANSLATE_NOOP("engine", "The PIN is digits only."),
    QT_TRANSLATE_NOOP("engine", "A PIN of one repeated digit is too easy to guess."),
    QT_TRANSLATE_NOOP("engine", "A PIN of consecutive digits (like 1234) is too easy to guess."),
    QT_TRANSLATE_NOOP("engine", "The two PINs are not the same."),
    # token_store.py
    QT_TRANSLATE_NOOP("engine", "This computer has no secure password store running (no Secret Service or KWallet), "
                                "so QR Cashier cannot save the access token; it will never save it in a plain file."),
    QT_TRANSLATE_NOOP("engine", "Start the system's password store (on Linux: GNOME Keyring, KWallet or KeePassXC "
                                "with its Secret Service turned on, inside a logged-in desktop session), then press "
                                "Check again."),
    QT_TRANSLATE_NOOP("engine", "Keep the token for this session only: it stays in memory and is asked for again at "
                                "the next start."),
    QT_TRANSLATE_NOOP("engine", "Or try QR Cashier with the sandbox, which needs no token."),
    QT_TRANSLATE_NOOP("engine", "That is too long to be a Mercado Pago access token: copy only the token."),
    QT_TRANSLATE_NOOP("engine", "There is no secure place to save the access token."),
    QT_TRANSLATE_NOOP("engine", "An access token is a single word with no spaces."),
    # supervisor.py (the PIN check and its lockout)
    QT_TRANSLATE_NOOP("engine", "No supervisor PIN is set: set one in Settings first."),
    QT_TRANSLATE_NOOP("engine", "PIN accepted."),
    QT_TRANSLATE_NOOP("engine", "Wrong PIN: 1 more try before a pause."),
    # catalog/csv_import.py: a rejected row's reason without a part that changes
    QT_TRANSLATE_NOOP("engine", "No code."),
    QT_TRANSLATE_NOOP("engine", "No name."),
)

# Sentences with parts that change: %1, %2 ... match any text (kept as it is).
TEMPLATES = (
    QT_TRANSLATE_NOOP("engine", "Mercado Pago rejected the request: %1."),
    QT_TRANSLATE_NOOP("engine", "This cart is in %1; this register charges in %2."),
    QT_TRANSLATE_NOOP("engine", "Mercado Pago shows a payment for %1, which is already %2: a supervisor should "
                                "refund it or settle the sale."),
    QT_TRANSLATE_NOOP("engine", "The customer paid just after the order was %1: the sale is paid and the receipt is "
                                "printing."),
    QT_TRANSLATE_NOOP("engine", "Sale %1: %2."),
    QT_TRANSLATE_NOOP("engine", "Mercado Pago approved %1 more than the total"),
    QT_TRANSLATE_NOOP("engine", "Sale %1 was already paid, and the customer paid again (payment %2): a supervisor "
                                "should refund the extra payment."),
    QT_TRANSLATE_NOOP("engine", "Could not remove the order from the QR: %1"),
    QT_TRANSLATE_NOOP("engine", "Checking again in %1 s."),
    QT_TRANSLATE_NOOP("engine", "The final read after expiry failed: %1"),
    QT_TRANSLATE_NOOP("engine", "Payment %1 is already refunded in full."),
    QT_TRANSLATE_NOOP("engine", "Mercado Pago refused the refund: %1"),
    QT_TRANSLATE_NOOP("engine", "Refunded %1."),
    QT_TRANSLATE_NOOP("engine", "Mercado Pago is processing the refund of %1."),
    QT_TRANSLATE_NOOP("engine", "This attempt is %1, not awaiting review."),
    QT_TRANSLATE_NOOP("engine", "%1 was received for it: refund it from the payments list."),
    QT_TRANSLATE_NOOP("engine", "Only %1 of %2 was paid: a supervisor must review this sale."),
    QT_TRANSLATE_NOOP("engine", "Mercado Pago's order %1 belongs to another sale: a supervisor must review it."),
    QT_TRANSLATE_NOOP("engine", "There is no sale %1 in the journal."),
    QT_TRANSLATE_NOOP("engine", "There is no payment attempt %1 in the journal."),
    QT_TRANSLATE_NOOP("engine", "This sale is %1 and cannot be charged again."),
    QT_TRANSLATE_NOOP("engine", "This sale is %1: it cannot be discarded."),
    QT_TRANSLATE_NOOP("engine", "Cannot refund %1: only %2 of payment %3 is paid and not yet refunded."),
    QT_TRANSLATE_NOOP("engine", "Payment %1 is not recorded for any sale of this register."),
    QT_TRANSLATE_NOOP("engine", "The journal was written by a newer QR Cashier (schema %1, this one knows %2): "
                                "update the app; the file was left untouched."),
    QT_TRANSLATE_NOOP("engine", "The quantity is above the limit of %1."),
    QT_TRANSLATE_NOOP("engine", "The total is above the limit of %1."),
    QT_TRANSLATE_NOOP("engine", "The total would be above the limit of %1."),
    QT_TRANSLATE_NOOP("engine", "The amount is above the limit of %1."),
    QT_TRANSLATE_NOOP("engine", "The cart is full (%1 lines)."),
    QT_TRANSLATE_NOOP("engine", "%1 is not a number."),
    QT_TRANSLATE_NOOP("engine", "%1 is ambiguous: use one decimal separator."),
    QT_TRANSLATE_NOOP("engine", "%1 amounts are whole numbers."),
    QT_TRANSLATE_NOOP("engine", "%1 amounts have at most %2 decimals."),
    QT_TRANSLATE_NOOP("engine", "The PIN has %1 to %2 digits."),
    QT_TRANSLATE_NOOP("engine", "The access token could not be read from %1: unlock it and try again."),
    QT_TRANSLATE_NOOP("engine", "The access token could not be saved in %1: unlock it and try again."),
    QT_TRANSLATE_NOOP("engine", "The access token could not be removed from %1: unlock it and try again."),
    QT_TRANSLATE_NOOP("engine", "The system's password store (%1) cannot be used, so QR Cashier cannot save the "
                                "access token; it will never save it in a plain file."),
    QT_TRANSLATE_NOOP("engine", "Give the token to QR Cashier through the %1 environment variable (for example from "
                                "the service manager that starts it); QR Cashier reads it and never writes it "
                                "anywhere."),
    QT_TRANSLATE_NOOP("engine", "The store id %1 is not valid: use 1 to 60 letters and digits, no spaces."),
    QT_TRANSLATE_NOOP("engine", "The register (POS) id %1 is not valid: use 1 to 39 letters and digits, no spaces or "
                                "hyphens."),
    QT_TRANSLATE_NOOP("engine", "The register %1 already belongs to another store (%2); choose another register id "
                                "or store."),
    QT_TRANSLATE_NOOP("engine", "Too many wrong PINs: try again in %1 seconds."),
    QT_TRANSLATE_NOOP("engine", "Too many wrong PINs: try again in %1 minutes."),
    QT_TRANSLATE_NOOP("engine", "Wrong PIN. Too many wrong PINs: wait %1 seconds."),
    QT_TRANSLATE_NOOP("engine", "Wrong PIN. Too many wrong PINs: wait %1 minutes."),
    QT_TRANSLATE_NOOP("engine", "Wrong PIN: %1 more tries before a pause."),
    # catalog/csv_import.py (the import report's summary)
    QT_TRANSLATE_NOOP("engine", "%1 rows read: %2 added, %3 updated, %4 rejected."),
    QT_TRANSLATE_NOOP("engine", "Nothing imported: %1"),
    # catalog/csv_import.py: why a row was rejected (lower-case fragments, looked up as sentences)
    QT_TRANSLATE_NOOP("engine", "Code %1 must be 1-32 letters, digits, '-', '_' or '.'."),
    QT_TRANSLATE_NOOP("engine", "Name longer than %1 characters."),
    QT_TRANSLATE_NOOP("engine", "Price: %1."),
    QT_TRANSLATE_NOOP("engine", "Barcode %1 is not a valid EAN/UPC (length or check digit)."),
    QT_TRANSLATE_NOOP("engine", "Unknown unit %1 (use unit, kg, g, l or m)."),
    QT_TRANSLATE_NOOP("engine", "VAT rate: %1."),
    QT_TRANSLATE_NOOP("engine", "Code %1 repeats line %2."),
    QT_TRANSLATE_NOOP("engine", "Barcode %1 repeats line %2."),
    QT_TRANSLATE_NOOP("engine", "Unreadable row (%1)."),
    QT_TRANSLATE_NOOP("engine", "The header has no %1 column (found: %2)."),
    # issue 20: a split's two electronic parts (checkout/completion.py, journal/till_store.py)
    QT_TRANSLATE_NOOP("engine", "%1 of this sale is paid; %2 is left to pay: charge the rest."),
    QT_TRANSLATE_NOOP("engine", "A part of %1 must be more than zero and less than the %2 left to pay."),
    QT_TRANSLATE_NOOP("engine", "Part of this sale is paid (%1): charge the rest, or refund that part before "
                                "discarding the sale."),
    QT_TRANSLATE_NOOP("engine", "Part of sale %1 is paid and the rest is not: charge the rest, or refund that part "
                                "and discard the sale, before closing the shift."),
)

_PLACEHOLDER = re.compile(r"%(\d)")


def _pattern(template: str) -> re.Pattern[str]:
    parts = _PLACEHOLDER.split(template)
    out = []
    for i, part in enumerate(parts):
        out.append(re.escape(part) if i % 2 == 0 else f"(?P<p{part}>.+?)")
    return re.compile("^" + "".join(out) + "$", re.DOTALL)


COMPILED = tuple((template, _pattern(template)) for template in TEMPLATES)
