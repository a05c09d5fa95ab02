from django.core.management.base import BaseCommand

from haven.base.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the demo site (the HTAM campaign). Safe to run again: nothing is duplicated or overwritten."

    def handle(self, *args, **options):
        created = load_demo()
        total = sum(created.values())
        if total:
            summary = ", ".join(f"{number} {kind}" for kind, number in created.items() if number)
            self.stdout.write(self.style.SUCCESS(f"Demo content created: {summary}."))
        else:
            self.stdout.write("Demo content already present; nothing changed.")
