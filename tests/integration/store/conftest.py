from __future__ import annotations

import pytest

from tests.support.postgres import remove_cluster, start_cluster


@pytest.fixture(scope="session")
def pg_cluster():
    cluster = start_cluster()
    yield cluster
    remove_cluster(cluster)


@pytest.fixture
def store(pg_cluster):
    """A fresh, initialised store database per test: (cluster, admin DSN)."""
    import psycopg

    from qrcashier.store.schema import init_store

    with psycopg.connect(pg_cluster.dsn(dbname="postgres"), autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS store WITH (FORCE)")
        conn.execute("CREATE DATABASE store")
    dsn = pg_cluster.dsn()
    with psycopg.connect(dsn, autocommit=True) as conn:
        init_store(conn)
    return pg_cluster, dsn
