import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the first staff account if there is none. The password comes from "
        "HAVEN_ADMIN_PASSWORD, or is generated and printed once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("HAVEN_ADMIN_USERNAME", "admin"))
        parser.add_argument("--email", default=os.environ.get("HAVEN_ADMIN_EMAIL", "admin@localhost"))

    def handle(self, *args, username, email, **options):
        user_model = get_user_model()
        if user_model.objects.filter(is_superuser=True).exists():
            self.stdout.write("A staff account already exists; its password is unchanged.")
            return
        password = os.environ.get("HAVEN_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        user_model.objects.create_superuser(username=username, email=email, password=password)
        if os.environ.get("HAVEN_ADMIN_PASSWORD"):
            self.stdout.write(
                self.style.SUCCESS(f"Staff account “{username}” created with HAVEN_ADMIN_PASSWORD.")
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Staff account created. Sign in at /admin/ as “{username}” with the password "
                    f"{password}\nIt is shown only this once: keep it somewhere safe."
                )
            )
