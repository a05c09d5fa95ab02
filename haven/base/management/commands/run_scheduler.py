import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from haven.base.scheduler import run_periodic_jobs


class Command(BaseCommand):
    help = (
        "Every minute: queue reminder e-mails that are due, pass on expired waiting-list offers, "
        "retry first e-mails a mail failure held back, and delete registrants' and commenters' "
        "personal data whose time is up. Safe to run in several copies: each reminder still goes "
        "out once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run one sweep and exit (for cron).")
        parser.add_argument(
            "--interval",
            type=float,
            default=settings.HAVEN_SCHEDULER_INTERVAL_SECONDS,
            help="Seconds between sweeps.",
        )

    def handle(self, *args, once=False, interval=60.0, **options):
        while True:
            if not once:
                # A long-running process: drop connections the database may have closed.
                close_old_connections()
            done = run_periodic_jobs()
            if options["verbosity"] > 1 or once:
                self.stdout.write(", ".join(f"{name}: {count}" for name, count in done.items()))
            if once:
                return
            time.sleep(interval)
