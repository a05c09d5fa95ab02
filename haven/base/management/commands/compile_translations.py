from django.core.management.base import BaseCommand

from haven.base.translations import compile_catalogues


class Command(BaseCommand):
    help = "Compile the interface translations (.po to .mo) without needing GNU gettext."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Compile even when up to date.")

    def handle(self, *args, force=False, **options):
        written = compile_catalogues(force=force)
        self.stdout.write(
            f"Compiled {len(written)} catalogue(s)." if written else "Translations are up to date."
        )
