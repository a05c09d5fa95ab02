"""The jobs `manage.py run_scheduler` runs every minute, for every app.

Each job is safe to run often and from several schedulers at once: it only
acts on what is due, and claims each item in the database before acting.
"""


def run_periodic_jobs() -> dict[str, int]:
    from haven.comments.services import purge_personal_data as purge_commenters
    from haven.events.tasks import run_periodic_jobs as run_event_jobs

    done = run_event_jobs()
    done.update({f"comments_{name}": count for name, count in purge_commenters().items()})
    return done
