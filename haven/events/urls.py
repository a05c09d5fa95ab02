from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path(
        "registrations/<int:registration_id>/<str:token>/",
        views.registration_page,
        name="registration",
    ),
    path(
        "registrations/<int:registration_id>/<str:token>/calendar.ics",
        views.registration_calendar,
        name="registration_calendar",
    ),
]
