"""`qrcashier-arca-sim`: ARCA's WSAA and WSFEv1 on loopback, with its test CA.

    qrcashier-arca-sim [--host 127.0.0.1] [--port 8790] [--cert-dir DIR --cuit N]

With --cert-dir, a key and certificate for --cuit, issued by this run's test CA, are written
there (cert.pem, key.pem), ready for the app's fiscal setup."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from pathlib import Path

from qrcashier.fiscal.simulator.ca import write_pem
from qrcashier.fiscal.simulator.server import Simulator, start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="qrcashier-arca-sim", description="A local ARCA (WSAA + WSFEv1).")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8790)
    parser.add_argument("--cert-dir", type=Path)
    parser.add_argument("--cuit", type=int, default=20111111112)
    args = parser.parse_args(argv)

    async def run() -> None:
        sim = Simulator()
        if args.cert_dir:
            key, cert = sim.ca.issue(args.cuit)
            cert_path, key_path = write_pem(args.cert_dir, key, cert)
            print(f"certificate {cert_path} and key {key_path} for CUIT {args.cuit}", flush=True)
        running = await start(sim, args.host, args.port)
        print(f"ARCA simulator on {running.url} (WSAA /ws/services/LoginCms, WSFEv1 /wsfev1/service.asmx)",
              flush=True)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(sig, stop.set)
            except (NotImplementedError, RuntimeError):
                pass
        await stop.wait()
        await running.close()

    try:
        asyncio.run(run())
    except OSError as exc:
        print(f"The ARCA simulator could not listen on {args.host}:{args.port}: {exc.strerror}.", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
