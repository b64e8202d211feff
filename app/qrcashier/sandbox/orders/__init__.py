"""The Orders API for QR (`/v1/orders`) in the sandbox, with `order.*` webhooks (api §2, §7.2, §8.2).

Modules: errors (the Orders envelope), records (the orders as kept), rules (what a request may
carry), book (the state model: create, cancel, refund, the state's hooks), views (the JSON
shapes), search (`GET /v1/orders`), webhooks (order.* through the one notifier), routes (Mercado
Pago's) and control (the sandbox's own).

Routes (Mercado Pago's; errors in the Orders envelope `{"errors": [{code, message, details}]}`):

    POST /v1/orders                 201 the order (X-Idempotency-Key required)
    GET  /v1/orders/{id}            200 the order
    GET  /v1/orders                 200 {data, paging}: the search (begin_date/end_date required; search.py)
    POST /v1/orders/{id}/process    409 unsupported_operation (a QR order is paid by a scan)
    POST /v1/orders/{id}/capture    409 unsupported_operation
    POST /v1/orders/{id}/cancel     200 the canceled order (key required; only while `created`)
    POST /v1/orders/{id}/refund     201 {id, status, status_detail, transactions.refunds} (key required;
                                    only once `processed`; no body = in full)
    POST /v1/orders/{id}/events     204: simulate processed|failed|canceled|expired|refunded|action_required (§2.7)

Control routes (the sandbox's own, per account by bearer token):

    PUT|GET|DELETE /sandbox/webhooks     {"url": ...} -> {"url", "secret", "deliveries"}: where order.*
                                         webhooks go, and the secret that signs them
    GET  /sandbox/orders                 the account's Orders API orders
    PUT|GET /sandbox/orders/settings     {"partial_refunds": true|false} (server-wide)

How it behaves (decisions where the sources are silent are marked "sandbox"):

- Idempotency (§8.2): per account and key, the first successful answer is kept 24 hours
  with a fingerprint of the method, path and JSON body. The same request again gets that
  answer (same status, same body); another request under the key gets 409
  `idempotency_key_already_used`; no key gets 400 `empty_required_header`. Refusals are not
  kept (sandbox), so a corrected request may reuse its key.
- Ids: `ORD` + a 26-character ULID (`ORDTST` + ULID for `TEST-` tokens), `PAY…`, `REF…`.
  Amounts are strings in the site's unit; `user_id` is a string; dates are UTC with "Z".
- The order goes on its POS like any in-store order, so the control API's scan, pay and
  expire, the phone page and the expiry sweep work on it. A scan makes a merchant_order
  underneath (§3.3); the payment is a classic `/v1/payments` one whose
  `point_of_interaction.references` names the order, and whose id is the transaction's
  `reference_id`.
- Statuses: created → processed/accredited (paid in full) | expired | canceled | failed;
  processed → refunded (in full) or processed/partially_refunded. A rejected payment leaves
  the order `created` with its transaction `failed` (sandbox: the payer may try again, as in
  the app); a partial payment is refused (sandbox: a QR order is paid in full); a second
  payment, or one after the order was canceled or expired, is refused.
- Refunds go through the payment's refunds underneath (so `/v1/payments/{id}/refunds` shows
  them); the 201 shows the new refund `processing`, a later GET shows it `processed`.
  Partial refunds take `{"transactions": [{"id": "PAY…", "amount": "…"}]}`; with
  `partial_refunds` off they get 400 `unsupported_properties`.
- Webhooks: every change (`order.processed`, `.canceled`, `.expired`, `.refunded`,
  `.failed`, `.action_required`) is POSTed to the account's webhook URL as
  `?data.id=<id>&type=order` with `x-signature` (ts in seconds, HMAC-SHA256 over the
  manifest with the id lower-cased) and `x-request-id`, retried on the IPN schedule. The
  secret is per account, stable across restarts (derived from the token's hash).
"""
