from django.core.management.base import BaseCommand

from haven.events import services


class Command(BaseCommand):
    help = (
        "Delete the names, e-mail addresses, phone numbers and accessibility needs of people "
        "registered for events that ended more than HAVEN_REGISTRATION_RETENTION_DAYS days ago. "
        "Counts are kept. The scheduler does this every minute; this command does it now."
    )

    def handle(self, *args, **options):
        count = services.purge_personal_data()
        self.stdout.write(
            f"Personal data deleted from {count} registration(s) "
            f"(events that ended more than {services.retention_days()} days ago)."
        )
