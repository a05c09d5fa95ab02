from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Hotline


class HotlineViewSet(SnippetViewSet):
    model = Hotline
    icon = "mobile-alt"
    menu_label = _("Hotlines")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "call_number", "text_number", "last_verified"]
    search_fields = ["name"]


register_snippet(HotlineViewSet)
