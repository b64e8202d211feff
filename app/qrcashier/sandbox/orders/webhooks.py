"""Where each account's `order.*` webhooks go, and their delivery through the one notifier (api §7.2).

Every change is POSTed to the account's webhook URL as `?data.id=<id>&type=order` with
`x-signature` (ts in seconds, HMAC-SHA256 over the manifest with the id lower-cased) and
`x-request-id` (the same on every retry), on the IPN schedule. The secret is per account,
stable across restarts (derived from the token's hash)."""

from __future__ import annotations

import hashlib
import time
import uuid
from typing import Any

from yarl import URL

from qrcashier.notifications.signature import signature_header
from qrcashier.sandbox.accounts import Account
from qrcashier.sandbox.notifier import Notifier
from qrcashier.sandbox.orders.records import WebhookConfig, WebhookDelivery


class OrderWebhooks:
    def __init__(self, notifier: Notifier | None) -> None:
        self.notifier = notifier  # None: deliveries are recorded, never sent
        self.configs: dict[int, WebhookConfig] = {}
        self.deliveries: list[WebhookDelivery] = []

    def config(self, account: Account) -> WebhookConfig:
        config = self.configs.get(account.id)
        if config is None:
            secret = hashlib.sha256(b"sandbox-webhook-secret:" + account.token_hash.encode()).hexdigest()[:40]
            config = self.configs[account.id] = WebhookConfig(None, secret)
        return config

    def send(self, owner: int, order_id: str, action: str, payload: dict[str, Any]) -> None:
        config = self.configs.get(owner)
        if config is None or not config.url:
            return
        delivery = WebhookDelivery(len(self.deliveries) + 1, owner, config.url, action, order_id, str(uuid.uuid4()))
        self.deliveries.append(delivery)
        if self.notifier is None:
            return
        secret = config.secret

        def headers() -> dict[str, str]:
            return {
                "User-Agent": "MercadoPago WebHook v1.0",
                "x-request-id": delivery.request_id,
                # Signed afresh on each attempt, with the wall clock in seconds (what receivers compare with).
                "x-signature": signature_header(secret, order_id, delivery.request_id, int(time.time())),
            }

        url = URL(config.url).update_query({"data.id": order_id, "type": "order"})
        self.notifier.deliver(delivery, url, payload, headers, f"webhook {action} {order_id}")

    def view(self, account: Account) -> dict[str, Any]:
        config = self.config(account)
        return {
            "url": config.url,
            "secret": config.secret,
            "deliveries": [
                {"id": d.id, "url": d.url, "action": d.action, "order_id": d.order_id, "request_id": d.request_id,
                 "attempts": d.attempts, "delivered": d.delivered, "gave_up": d.gave_up}
                for d in self.deliveries if d.owner == account.id
            ],
        }
