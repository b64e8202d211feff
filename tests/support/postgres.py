"""A throwaway PostgreSQL cluster for tests: initdb + pg_ctl in a temporary folder, on a free
loopback port, removed afterwards. PostgreSQL refuses to run as root, so as root the cluster
runs as the Debian package's unprivileged `postgres` user. Missing binaries fail loudly."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class PostgresMissing(RuntimeError):
    pass


def find_bin() -> Path:
    for candidate in [os.environ.get("QRC_PG_BIN", "")] + sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if candidate and (Path(candidate) / "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise PostgresMissing("PostgreSQL's initdb and pg_ctl are not installed: apt-get install postgresql "
                          "(or set QRC_PG_BIN to their folder); .ci/run installs it.")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Cluster:
    bindir: Path
    folder: Path
    port: int
    user: str | None  # the OS user the server runs as (None: the current one)

    @property
    def datadir(self) -> Path:
        return self.folder / "data"

    def dsn(self, user: str = "postgres", dbname: str = "store") -> str:
        return f"host=127.0.0.1 port={self.port} user={user} dbname={dbname}"

    def _run(self, *args: str, timeout: float = 60) -> None:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        subprocess.run(cmd, check=True, timeout=timeout, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.datadir), "-l", str(self.folder / "log"), "-w", "-t", "30",
                  "-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.datadir), "-m", "fast", "-w", "-t", "30", "stop")


def start_cluster() -> Cluster:
    bindir = find_bin()
    folder = Path(tempfile.mkdtemp(prefix="qrc-pg-"))
    user = "postgres" if os.geteuid() == 0 else None
    if user:
        shutil.chown(folder, user)
    cluster = Cluster(bindir, folder, _free_port(), user)
    cluster._run("initdb", "-D", str(cluster.datadir), "-U", "postgres", "-A", "trust",
                 "--no-sync", "-E", "UTF8")
    # Registers log in with a password: trust for the superuser only, scram for everyone else.
    hba = cluster.datadir / "pg_hba.conf"
    hba.write_text("host all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n"
                   "local all postgres trust\n")
    cluster.start()
    import psycopg

    with psycopg.connect(cluster.dsn(dbname="postgres"), autocommit=True) as conn:
        conn.execute("CREATE DATABASE store")
    return cluster


def remove_cluster(cluster: Cluster) -> None:
    try:
        cluster.stop()
    except Exception:
        pass
    shutil.rmtree(cluster.folder, ignore_errors=True)
