from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class HotlineBlock(blocks.StructBlock):
    hotline = SnippetChooserBlock("hotlines.Hotline", label=_("Hotline"))
    note = blocks.TextBlock(
        label=_("Note"),
        required=False,
        help_text=_("Optional: when to use this line, shown under its name on this page only."),
    )

    class Meta:
        icon = "mobile-alt"
        label = _("Hotline")
        template = "blocks/hotline_block.html"
