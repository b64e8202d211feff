"""`qrcashier-merchant-server`: run the unattended model's merchant endpoint on its own.

    qrcashier-merchant-server --host 127.0.0.1 --port 8780 --pos CAJA1 --pos SURTIDOR2 \
        --contract 202 --public-url https://pay.example.com/mp/unattended --control-port 8781

Prints `QR Cashier merchant endpoint listening on <base URL>` (the URL is the last word) as
soon as it answers, then the control API's address and each POS's `url`, and serves until
interrupted (Ctrl+C or SIGTERM). The control key, if any, is read from the environment
variable QRCASHIER_MERCHANT_CONTROL_KEY and never printed.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys

from qrcashier.serving import run_server_cli, until_signalled
from qrcashier.unattended.addresses import DEFAULT_PATH, check_pos_id, check_public_url
from qrcashier.unattended.endpoint import Contract
from qrcashier.unattended.server import MerchantEndpoint

KEY_ENV = "QRCASHIER_MERCHANT_CONTROL_KEY"


def _pos(value: str) -> str:
    try:
        return check_pos_id(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _public_url(value: str) -> str:
    try:
        return check_public_url(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="qrcashier-merchant-server",
        description="The merchant endpoint Mercado Pago calls for unattended QR payments",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback only)")
    parser.add_argument("--port", type=int, default=8780, help="port (0 = any free port)")
    parser.add_argument("--pos", action="append", type=_pos, default=[], metavar="EXTERNAL_POS_ID",
                        help="a POS this endpoint serves (repeat for several); others are answered 'invalid'")
    parser.add_argument("--contract", choices=[c.value for c in Contract], default=Contract.ACCEPTED.value,
                        help="'not ready' answer: 202 (newest docs, default) or 400 (older docs)")
    parser.add_argument("--public-url", type=_public_url,
                        help="the route's address as Mercado Pago reaches it, through your TLS reverse proxy")
    parser.add_argument("--path", default=DEFAULT_PATH, help=f"the polling route (default {DEFAULT_PATH})")
    parser.add_argument("--client-id", help="the client-id header of the 200 answer (OAuth integrations only)")
    parser.add_argument("--control-host", default="127.0.0.1", help="address of the control API (default loopback)")
    parser.add_argument("--control-port", type=int, help="port of the control API (omit: no control API)")
    parser.add_argument("--quiet", action="store_true", help="no access log")
    args = parser.parse_args(argv)
    if not args.pos:
        parser.error("give at least one --pos")
    return args


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


async def serve(args: argparse.Namespace) -> None:
    endpoint = await MerchantEndpoint.start(
        args.host,
        args.port,
        args.pos,
        args.contract,
        public_url=args.public_url,
        path=args.path,
        client_id=args.client_id,
        control_host=args.control_host,
        control_port=args.control_port,
        control_key=os.environ.get(KEY_ENV) or None,
        log_access=not args.quiet,
    )
    try:
        print(f"QR Cashier merchant endpoint listening on {endpoint.base_url}", flush=True)
        if endpoint.control_url:
            print(f"control API on {endpoint.control_url}", flush=True)
        for pos in sorted(endpoint.registers):
            print(f"POS {pos} url: {endpoint.pos_url(pos)}", flush=True)
        if not _is_loopback(args.host):
            print("note: listening beyond loopback; Mercado Pago should reach it only through HTTPS", flush=True)
        if args.control_port is not None and not _is_loopback(args.control_host) and not os.environ.get(KEY_ENV):
            print(f"warning: the control API is reachable beyond loopback without a key ({KEY_ENV})", flush=True)
        await until_signalled()
    finally:
        await endpoint.close()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    return run_server_cli(
        "qrcashier-merchant-server", lambda: serve(args), host=args.host, port=args.port, quiet=args.quiet
    )


if __name__ == "__main__":
    sys.exit(main())
