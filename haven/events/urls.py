from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("registrations/event/<int:page_id>/", views.register, name="register"),
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
