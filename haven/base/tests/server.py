"""A real Haven server in its own processes, set up as `make demo` sets it up.

Browser and HTTP tests talk to it over loopback, so they see exactly what a
visitor sees: production settings, gunicorn, whitenoise, several workers.
"""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

REPO = Path(__file__).resolve().parents[3]
STAFF_USERNAME = "admin"
STAFF_PASSWORD = "a-test-only-password"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def throwaway_database(database_url: str | None) -> Iterator[str | None]:
    """A fresh PostgreSQL database beside the configured one, or SQLite (None)."""
    if not database_url or not database_url.startswith(("postgres://", "postgresql://")):
        yield None
        return
    name = f"haven_server_{os.getpid()}_{int(time.time())}"
    parts = urlsplit(database_url)
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class RunningServer(str):
    """The server's base URL, which also knows how to run code against the server's database."""

    env: dict[str, str]
    data_dir: Path

    def run_python(self, module: str, *args: str, extra_env: dict[str, str] | None = None) -> str:
        """Run `python -m module args…` with the server's settings and database; returns its output."""
        env = {**self.env, **(extra_env or {})}
        done = subprocess.run(
            [sys.executable, "-m", module, *args],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0:
            raise RuntimeError(f"{module} {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout


@contextlib.contextmanager
def running_server(*, workers: int = 2, extra_env: dict[str, str] | None = None) -> Iterator[RunningServer]:
    """Migrate, load the demo and serve it; yields the base URL."""
    with (
        tempfile.TemporaryDirectory(prefix="haven-server-") as data_dir,
        throwaway_database(os.environ.get("DATABASE_URL")) as database_url,
    ):
        env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "haven.settings.base",
                "HAVEN_DATA_DIR": data_dir,
                "CACHE_KEY_PREFIX": f"haven-server-{os.getpid()}",
                "HAVEN_ADMIN_PASSWORD": STAFF_PASSWORD,
            }
        )
        if database_url:
            env["DATABASE_URL"] = database_url
        env.update(extra_env or {})
        manage = [sys.executable, "manage.py"]
        setup = (
            ["migrate", "--noinput"],
            ["collectstatic", "--noinput", "-v0"],
            ["load_demo"],
            ["ensure_staff_account"],
        )
        for command in setup:
            done = subprocess.run(manage + command, cwd=REPO, env=env, capture_output=True, text=True)
            if done.returncode != 0:
                raise RuntimeError(f"manage.py {' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
        port = free_port()
        log_path = Path(data_dir) / "server.log"
        with open(log_path, "wb") as log:
            server = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "haven.wsgi", "--bind", f"127.0.0.1:{port}"]
                + ["--workers", str(workers), "--log-level", "warning"],
                cwd=REPO,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            # The background worker runs beside it, as in `make demo`: search
            # indexing and e-mail are background jobs.
            worker = subprocess.Popen(
                manage + ["db_worker", "--queue-name", "*", "--interval", "0.2", "--no-startup-delay"],
                cwd=REPO,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        base_url = RunningServer(f"http://127.0.0.1:{port}")
        base_url.env = env
        base_url.data_dir = Path(data_dir)
        try:
            _wait_until_serving(base_url, server, log_path)
            yield base_url
        finally:
            for process in (server, worker):
                process.terminate()
            for process in (server, worker):
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()


def _wait_until_serving(base_url: str, server: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server stopped:\n{log_path.read_text()}")
        try:
            with urllib.request.urlopen(base_url + "/en/", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the server did not answer within 30 s:\n{log_path.read_text()}")
