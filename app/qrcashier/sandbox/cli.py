"""`qrcashier-sandbox`: run the Mercado Pago sandbox on its own.

    qrcashier-sandbox --host 127.0.0.1 --port 8765 --site MLA

Prints one line, `QR Cashier sandbox listening on <base URL>` (the URL is the last word),
as soon as it answers, then serves until interrupted (Ctrl+C or SIGTERM).
"""

from __future__ import annotations

import argparse
import sys

from qrcashier.domain.money import SITES
from qrcashier.sandbox.server import SandboxServer
from qrcashier.serving import run_server_cli, until_signalled


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="qrcashier-sandbox", description="Mercado Pago in-store QR sandbox")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback only)")
    parser.add_argument("--port", type=int, default=8765, help="port (0 = any free port)")
    parser.add_argument("--site", default="MLA", choices=sorted(SITES), help="site of tokens that name none")
    parser.add_argument("--ttl", type=int, default=600, help="legacy v1 order lifetime in seconds")
    parser.add_argument("--quiet", action="store_true", help="no access log")
    return parser.parse_args(argv)


async def serve(args: argparse.Namespace) -> None:
    server = await SandboxServer.start(args.host, args.port, args.site, default_ttl=args.ttl)
    try:
        print(f"QR Cashier sandbox listening on {server.base_url}", flush=True)
        await until_signalled()
    finally:
        await server.close()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    return run_server_cli("qrcashier-sandbox", lambda: serve(args), host=args.host, port=args.port, quiet=args.quiet)


if __name__ == "__main__":
    sys.exit(main())
