from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HotlinesConfig(AppConfig):
    name = "haven.hotlines"
    label = "hotlines"
    verbose_name = _("Hotlines")
