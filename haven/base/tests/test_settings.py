"""Settings come from the environment, with a safe default for every one."""

import os
import stat
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]

PRINT_SETTINGS = (
    "import django; from django.conf import settings; django.setup(); "
    "print(settings.SECRET_KEY); print(settings.DATABASES['default']['ENGINE']); "
    "print(settings.DEBUG); print(settings.EMAIL_BACKEND); print(','.join(settings.ALLOWED_HOSTS))"
)


def read_settings(data_dir: Path, **env: str) -> list[str]:
    clean = {
        key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DATABASE_URL", "DEBUG"}
    }
    clean.update({"DJANGO_SETTINGS_MODULE": "haven.settings.base", "HAVEN_DATA_DIR": str(data_dir), **env})
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=REPO,
        env=clean,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.splitlines()


def test_without_a_secret_key_one_is_generated_kept_private_and_reused(tmp_path):
    first = read_settings(tmp_path)
    key_file = tmp_path / "secret_key"
    assert key_file.exists()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(first[0]) >= 50
    assert read_settings(tmp_path)[0] == first[0]


def test_defaults_are_production_settings_on_local_sqlite_with_mail_to_files(tmp_path):
    secret_key, engine, debug, email_backend, hosts = read_settings(tmp_path)
    assert engine == "django.db.backends.sqlite3"
    assert debug == "False"
    assert email_backend == "django.core.mail.backends.filebased.EmailBackend"
    assert hosts == "localhost,127.0.0.1,[::1]"


def test_environment_variables_win(tmp_path):
    secret_key, engine, debug, email_backend, hosts = read_settings(
        tmp_path,
        SECRET_KEY="from-the-environment",
        DATABASE_URL="postgres://haven@db.internal:5432/haven",
        ALLOWED_HOSTS="haven.example.org",
        EMAIL_HOST="smtp.example.org",
    )
    assert secret_key == "from-the-environment"
    assert engine == "django.db.backends.postgresql"
    assert email_backend == "django.core.mail.backends.smtp.EmailBackend"
    assert hosts == "haven.example.org"
    assert not (tmp_path / "secret_key").exists()
