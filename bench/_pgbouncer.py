"""A PgBouncer of the bench's own, in transaction mode, in front of one PostgreSQL database.

Its configuration lives in a temporary folder and it listens on a free loopback port,
so it never meets a PgBouncer installed as a service (Debian's listens on 6432) or
another run's. Debian's package (`make pgbouncer` installs it) provides the binary.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

BINARY = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"


@dataclass
class Bouncer:
    process: subprocess.Popen
    port: int
    url: str  # the database, through PgBouncer
    user: str
    folder: Path
    pool_size: int

    def stats(self, database: str) -> dict[str, str]:
        """PgBouncer's own counters for `database` (its admin console, through psql)."""
        shown = subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user, "-A", "-X"]
            + ["-d", "pgbouncer", "-c", "SHOW STATS"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
        names = shown[0].split("|")
        for line in shown[1:]:
            values = line.split("|")
            if values[0] == database:
                return dict(zip(names, values, strict=False))
        return {}

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(database_url: str, *, pool_size: int = 8, port: int = 0) -> Bouncer:
    """PgBouncer in transaction mode for the database in `database_url`, once it answers."""
    parts = urllib.parse.urlparse(database_url)
    name, user = parts.path.lstrip("/"), parts.username or "postgres"
    port = port or free_port()
    folder = Path(tempfile.mkdtemp(prefix="staffroom-pgbouncer-"))
    # Started as root it switches to the postgres user, who must read these files.
    folder.chmod(0o755)
    (folder / "userlist.txt").write_text(f'"{user}" ""\n')
    (folder / "pgbouncer.ini").write_text(
        "\n".join(
            [
                "[databases]",
                f"{name} = host={parts.hostname or '127.0.0.1'} port={parts.port or 5432} "
                f"dbname={name}",
                "[pgbouncer]",
                "listen_addr = 127.0.0.1",
                f"listen_port = {port}",
                "unix_socket_dir =",
                # The bench's loopback PostgreSQL trusts local users; production uses scram.
                "auth_type = trust",
                f"auth_file = {folder / 'userlist.txt'}",
                f"admin_users = {user}",
                "pool_mode = transaction",
                f"default_pool_size = {pool_size}",
                "max_client_conn = 500",
                "log_connections = 0",
                "log_disconnections = 0",
                "",
            ]
        )
    )
    for path in folder.iterdir():
        path.chmod(0o644)
    command = [BINARY, str(folder / "pgbouncer.ini")]
    if os.geteuid() == 0:  # PgBouncer refuses to run as root
        command[1:1] = ["-u", "postgres"]
    log = (folder / "pgbouncer.log").open("w")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = parts._replace(netloc=f"{parts.username or 'postgres'}@127.0.0.1:{port}").geturl()
    deadline = time.monotonic() + 20
    while True:
        try:
            with psycopg.connect(url, connect_timeout=2, autocommit=True) as connection:
                connection.execute("SELECT 1")
            return Bouncer(process, port, url, user, folder, pool_size)
        except psycopg.OperationalError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(
                    f"PgBouncer did not start: {(folder / 'pgbouncer.log').read_text()}"
                ) from None
            time.sleep(0.1)


def set_role_timeouts(database_url: str, timeouts: dict[str, str]) -> None:
    """Behind PgBouncer the app sends no startup options: the limits its connections
    would have set go on the role, in this database only (ALTER ROLE ... IN DATABASE)."""
    parts = urllib.parse.urlparse(database_url)
    name, user = parts.path.lstrip("/"), parts.username or "postgres"
    with psycopg.connect(database_url, autocommit=True) as connection:
        for setting, value in timeouts.items():
            connection.execute(
                sql.SQL("ALTER ROLE {} IN DATABASE {} SET {} = {}").format(
                    sql.Identifier(user),
                    sql.Identifier(name),
                    sql.Identifier(setting),
                    sql.Literal(value),
                )
            )
