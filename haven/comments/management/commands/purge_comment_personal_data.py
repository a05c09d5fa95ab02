from django.core.management.base import BaseCommand

from haven.comments.services import purge_personal_data


class Command(BaseCommand):
    help = (
        "Forget commenters on schedule: e-mail addresses HAVEN_COMMENT_EMAIL_RETENTION_DAYS after "
        "moderation, spam after the same period, address fingerprints after 30 days. Run it daily."
    )

    def handle(self, *args, **options):
        done = purge_personal_data()
        self.stdout.write(
            f"Removed {done['emails_removed']} e-mail address(es) and {done['fingerprints_removed']} "
            f"address fingerprint(s); deleted {done['spam_deleted']} old spam comment(s)."
        )
