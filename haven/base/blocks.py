"""Content blocks shared by every page type.

Each block says in plain words what is missing when staff leave out
something a visitor relies on (a statistic's source, an image's alt text).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from haven.base.synchronised import FactBlockMixin

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]

# The sizes templates/blocks/infographic_block.html shows.
INFOGRAPHIC_RENDITIONS = ("width-800|format-webp", "width-400|format-webp")


class InfographicImageChooserBlock(ImageChooserBlock):
    """Loads the chosen images together with the renditions the page shows.

    One query for every infographic on a page, however many there are (plus
    one the first time an image is shown, before its renditions exist).
    """

    rendition_specs = INFOGRAPHIC_RENDITIONS

    def bulk_to_python(self, values):
        values = list(values)
        wanted = {value for value in values if value is not None}
        if not wanted:
            return [None for _ in values]
        image_model = get_image_model()
        images = {}
        renditions = image_model.get_rendition_model().objects.filter(
            image_id__in=wanted, filter_spec__in=self.rendition_specs
        )
        for rendition in renditions.select_related("image"):
            image = images.setdefault(rendition.image_id, rendition.image)
            if not hasattr(image, "prefetched_renditions"):
                image.prefetched_renditions = []
            image.prefetched_renditions.append(rendition)
        missing = wanted - images.keys()
        if missing:
            for image in image_model.objects.filter(pk__in=missing):
                image.prefetched_renditions = []
                images[image.pk] = image
        return [images.get(value) for value in values]


class StructBlockWithMessages(blocks.StructBlock):
    """A StructBlock whose required children explain themselves when left empty."""

    required_messages: dict[str, str] = {}

    def clean(self, value):
        try:
            return super().clean(value)
        except StructBlockValidationError as error:
            for name, message in self.required_messages.items():
                child_error = error.block_errors.get(name)
                if child_error is not None and getattr(child_error, "code", None) == "required":
                    error.block_errors[name] = ValidationError(message, code="required")
            raise


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    anchor = blocks.CharBlock(
        label=_("Anchor"),
        required=False,
        max_length=60,
        help_text=_("Optional: a short name for links to this section, e.g. events."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"

    def clean(self, value):
        value = super().clean(value)
        anchor = value.get("anchor") or ""
        if anchor and not all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in anchor):
            raise StructBlockValidationError(
                block_errors={
                    "anchor": ValidationError(
                        _("Use only letters, digits, dashes and underscores, without spaces.")
                    )
                }
            )
        return value


class FactCharBlock(FactBlockMixin, blocks.CharBlock):
    """Text that is a fact (a figure): the same in every language."""


class FactDateBlock(FactBlockMixin, blocks.DateBlock):
    """A date that is a fact: the same in every language."""


class CitedStatisticBlock(StructBlockWithMessages):
    # The figure and its date are kept once, in the source language; each
    # translation shows them as the source has them (see synchronised.py).
    figure = FactCharBlock(
        label=_("Figure"),
        max_length=40,
        help_text=_(
            "The number as it should stand out, e.g. 21.7 million. "
            "Translations always show the figure and date of the original page."
        ),
    )
    sentence = blocks.TextBlock(
        label=_("Sentence"), help_text=_("What the number means, in one or two sentences.")
    )
    source_name = blocks.CharBlock(label=_("Source"), max_length=200)
    source_url = blocks.URLBlock(label=_("Source link"), required=False)
    as_of = FactDateBlock(label=_("As of"), help_text=_("The date the figure was true."))

    required_messages = {
        "figure": _("Enter the figure visitors should see, e.g. 21.7 million."),
        "sentence": _("Say what the figure counts, so it cannot be misread."),
        "source_name": _("Every statistic needs a source: name who published the figure."),
        "as_of": _("Give the date the figure was true, so readers know how current it is."),
    }

    class Meta:
        icon = "decimal"
        label = _("Cited statistic")
        template = "blocks/cited_statistic_block.html"


class InfographicBlock(StructBlockWithMessages):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    image = InfographicImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        max_length=250,
        help_text=_("A short description for people who cannot see the image."),
    )
    text_alternative = blocks.RichTextBlock(
        label=_("Full text alternative"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Everything the infographic says, as text. Shown under the image for everyone."),
    )

    required_messages = {
        "image": _("Choose the infographic image."),
        "alt_text": _("Describe the image in a sentence for people who use a screen reader."),
        "text_alternative": _("Write out everything the infographic says, so nobody misses it."),
    }

    class Meta:
        icon = "image"
        label = _("Infographic")
        template = "blocks/infographic_block.html"


class LinkStructValue(blocks.StructValue):
    def url(self) -> str:
        page = self.get("page")
        if page:
            # The chosen page in the reader's language when it is translated.
            return page.localized.url
        return self.get("external_url") or ""


class CallToActionCardBlock(StructBlockWithMessages):
    title = blocks.CharBlock(label=_("Title"), max_length=60)
    text = blocks.TextBlock(label=_("Text"))
    link_text = blocks.CharBlock(label=_("Link text"), max_length=80, required=False)
    page = blocks.PageChooserBlock(label=_("Page on this site"), required=False)
    external_url = blocks.URLBlock(label=_("Or an address on another site"), required=False)

    required_messages = {
        "title": _("Give the card a short title, e.g. Listen."),
        "text": _("Say in a sentence or two what the reader can do."),
    }

    class Meta:
        icon = "link"
        label = _("Card")
        value_class = LinkStructValue

    def clean(self, value):
        value = super().clean(value)
        if value.get("link_text") and not (value.get("page") or value.get("external_url")):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter an address for the link."))}
            )
        if (value.get("page") or value.get("external_url")) and not value.get("link_text"):
            raise StructBlockValidationError(
                block_errors={
                    "link_text": ValidationError(
                        _("Say where the link goes, e.g. Read the prevention guide.")
                    )
                }
            )
        return value


class CallToActionCardsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    cards = blocks.ListBlock(CallToActionCardBlock(), label=_("Cards"), min_num=1, max_num=6)

    class Meta:
        icon = "grid"
        label = _("Call-to-action cards")
        template = "blocks/call_to_action_cards_block.html"


class ProgrammeSpotlightBlock(StructBlockWithMessages):
    name = blocks.CharBlock(label=_("Programme name"), max_length=120)
    organisation = blocks.CharBlock(label=_("Run by"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    link_text = blocks.CharBlock(label=_("Link text"), max_length=80, required=False)
    link_url = blocks.URLBlock(label=_("Link"), required=False)

    required_messages = {
        "name": _("Name the programme."),
        "text": _("Say what the programme does and who it is for."),
    }

    class Meta:
        icon = "pick"
        label = _("Programme spotlight")
        template = "blocks/programme_spotlight_block.html"

    def clean(self, value):
        value = super().clean(value)
        if value.get("link_url") and not value.get("link_text"):
            raise StructBlockValidationError(
                block_errors={"link_text": ValidationError(_("Say where the link goes, e.g. Meet the team."))}
            )
        return value
