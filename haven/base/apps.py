from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaseConfig(AppConfig):
    name = "haven.base"
    label = "base"
    verbose_name = _("Site")

    def ready(self):
        from . import fragments, navigation, sites, synchronised  # noqa: F401  (connect their signal receivers)
