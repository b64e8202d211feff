"""Runs the checkout engine against a sandbox URL, in its own process, for the crash tests.

    QRC_TOKEN=... python crash_driver.py --base-url URL --journal PATH --user-id N
        --hold state:publishing [--cancel] [--refund] [--api instore_v2|orders|v1]

It charges one sale, prints one line per event on stdout (`STATE <attempt> <state>`,
`RECEIPT <attempt> <kind>`, `REFUND <id> <state>`), and when the event named by `--hold`
happens it prints `HOLD` and stops itself with SIGSTOP, right after that change was
committed and before the next network call, so the test can SIGKILL it exactly there.
`--cancel` cancels once the order is on the QR; `--refund` refunds in full once paid
(the test plays the customer). The token comes from the environment, never argv.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
from pathlib import Path

import httpx

from qrcashier.checkout import (
    CheckoutEngine,
    Journal,
    PollPolicy,
    ReceiptIssued,
    RefundChanged,
    RegisterConfig,
    StateChanged,
)
from qrcashier.checkout.gateways import make_gateway
from qrcashier.domain.cart import Cart
from qrcashier.domain.money import SITES
from qrcashier.domain.sale import AttemptState
from qrcashier.mercadopago import AccessToken, MercadoPagoClient, MercadoPagoHTTP, RetryPolicy

POLL = PollPolicy(interval=0.05, idle_interval=0.1, max_backoff=0.2, tick=0.05, expiry_grace=0.1)


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def hold() -> None:
    say("HOLD")
    os.kill(os.getpid(), signal.SIGSTOP)  # frozen here until the test kills us


async def main(args: argparse.Namespace) -> None:
    config = RegisterConfig("CAJA1", args.user_id, "STORE1", "POS1", SITES["MLA"], poll=POLL)
    async with httpx.AsyncClient() as http:
        client = MercadoPagoClient(
            MercadoPagoHTTP(http, AccessToken(os.environ["QRC_TOKEN"]), base_url=args.base_url,
                            timeout=httpx.Timeout(2.0), retry=RetryPolicy(attempts=3, base_delay=0.01))
        )
        journal = await Journal.open(Path(args.journal))
        engine = CheckoutEngine(journal, make_gateway(args.api, client, config), config)
        done = asyncio.Event()
        actions: list = []

        def on_event(event) -> None:
            if isinstance(event, StateChanged):
                say(f"STATE {event.attempt_id} {event.new}")
                spec = f"state:{event.new}"
                if event.new == AttemptState.WAITING and args.cancel:
                    actions.append(engine.cancel(event.attempt_id, "Marta", "crash test"))
                if event.new in (AttemptState.CANCELLED, AttemptState.FAILED) or (
                    event.new == AttemptState.PAID and not args.refund
                ):
                    done.set()
            elif isinstance(event, ReceiptIssued):
                say(f"RECEIPT {event.receipt.attempt_id} {event.receipt.kind}")
                spec = "receipt"
                if args.refund:
                    actions.append(refund_all(engine, event.receipt.attempt_id))
            elif isinstance(event, RefundChanged):
                say(f"REFUND {event.refund.id} {event.refund.state}")
                spec = f"refund:{event.refund.state}"
                if event.refund.state == "approved":
                    done.set()
            else:
                return
            if spec == args.hold:
                hold()

        engine.subscribe(on_event)
        await engine.start()
        cart = Cart(SITES["MLA"])
        cart.add("Medialunas", "120", 12)
        cart.add("Café", "1800", 2)  # 5040.00
        await engine.charge(cart)
        while not done.is_set():
            while actions:
                await actions.pop(0)
            try:
                await asyncio.wait_for(done.wait(), 0.05)
            except TimeoutError:
                pass
        say("DONE")
        await engine.close()
        await journal.close()


async def refund_all(engine: CheckoutEngine, attempt_id: int) -> None:
    for payment in await engine.payments(attempt_id=attempt_id):
        await engine.refund(payment.mp_payment_id, None, "Marta", "crash test")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--journal", required=True)
    parser.add_argument("--user-id", type=int, required=True)
    parser.add_argument("--hold", default="")
    parser.add_argument("--cancel", action="store_true")
    parser.add_argument("--refund", action="store_true")
    parser.add_argument("--api", default="instore_v2")
    asyncio.run(main(parser.parse_args()))
