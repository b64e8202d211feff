"""The supervisor dialogs (one module per family): the PIN prompt, cancel the order on the QR, refund, resolve a review,
the audit log, and what the cashier sees when Mercado Pago refuses the token.

    gate = SupervisorGate(settings)
    name = await gate.ask(parent, "refund a payment")     # None: cancelled, or no PIN set
    CancelOrderDialog(engine, gate, attempt, site, parent).open()
    RefundDialog(engine, gate, site, attempt_id, parent).open()
    ReviewDialog(engine, gate, site, attempt_id, parent).open()
    AuditLogDialog(engine, parent).open()                # with Export CSV
    watch = TokenRefusedWatch(http_client, api_base_url, on_refused)   # 401 -> TokenRefusedNotice

Every dialog is non-modal (`open()`/`show()`, never `exec()`: qt-notes §2.3), does its
network and journal work in `@asyncSlot` coroutines with a busy bar, and maps errors to
sentences through `errors.user_message`. The PIN is asked *per action*, when the action is
confirmed, never remembered for a session. Each action writes its audit row through the
engine (who: the name typed in the PIN prompt; when; what; why: the reason, required).
The PIN is checked off the event loop (scrypt takes ~0.1 s).
"""

