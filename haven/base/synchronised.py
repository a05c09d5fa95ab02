"""Facts kept once across languages.

A hotline's number, a statistic's figure, an event's time: a translation
changes the words around a fact, never the fact. Models declare such fields
as wagtail-localize `SynchronizedField(name, overridable=False)` in
`override_translatable_fields`, and StreamField blocks mark them with
`FactBlockMixin`. wagtail-localize then leaves them out of what translators
see, and this module keeps every language's copy equal to the source's:

- saving (snippets) or publishing (pages) the source object writes its facts
  into every translation, in the same transaction;
- saving or publishing a translation first takes the facts from the source,
  so a translation made from an older copy of the source never brings back an
  old number.

The source is the language the object was first translated from
(wagtail-localize's TranslationSource), else the site's default language.
"""

from __future__ import annotations

import copy
from functools import cache

from django.db import models, transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.signals import page_published
from wagtail_localize.fields import SynchronizedField, get_translatable_fields


class FactBlockMixin:
    """A block whose value is a fact: the same in every language, never a segment to translate."""

    is_fact = True

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


@cache
def fact_field_names(model: type[models.Model]) -> list[str]:
    """Model fields declared `SynchronizedField(..., overridable=False)`, as attribute names."""
    names = []
    for field in get_translatable_fields(model):
        if isinstance(field, SynchronizedField) and not field.overridable:
            names.append(model._meta.get_field(field.field_name).attname)
    return names


def _stream_fields(model: type[models.Model]) -> list[StreamField]:
    return [field for field in model._meta.concrete_fields if isinstance(field, StreamField)]


def _walk(block, raw, path: tuple, found: dict) -> None:
    """Collect {path: raw value} of every fact block inside a raw StreamField value."""
    if getattr(block, "is_fact", False):
        found[path] = raw
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        for name, child in block.child_blocks.items():
            if name in raw:
                _walk(child, raw[name], (*path, name), found)
    elif isinstance(block, blocks.StreamBlock) and isinstance(raw, list):
        for item in raw:
            child = block.child_blocks.get(item.get("type"))
            if child is not None and item.get("id"):
                _walk(child, item.get("value"), (*path, item["id"]), found)
    elif isinstance(block, blocks.ListBlock) and isinstance(raw, list):
        for item in raw:
            if isinstance(item, dict) and item.get("id") and "value" in item:
                _walk(block.child_block, item["value"], (*path, item["id"]), found)


def _set(block, raw, path: tuple, value) -> bool:
    """Write a fact at path into a raw StreamField value; True when it changed."""
    if not path:
        return False
    head, rest = path[0], path[1:]
    if isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        child = block.child_blocks.get(head)
        if child is None or head not in raw:
            return False
        if not rest:
            if raw[head] == value:
                return False
            raw[head] = value
            return True
        return _set(child, raw[head], rest, value)
    if isinstance(block, blocks.StreamBlock | blocks.ListBlock) and isinstance(raw, list):
        for item in raw:
            if isinstance(item, dict) and item.get("id") == head:
                child = (
                    block.child_block
                    if isinstance(block, blocks.ListBlock)
                    else block.child_blocks.get(item.get("type"))
                )
                return child is not None and _set(child, item.get("value"), rest, value)
    return False


def stream_facts(field: StreamField, value) -> dict[tuple, object]:
    found: dict[tuple, object] = {}
    _walk(field.stream_block, list(value.raw_data) if value is not None else [], (), found)
    return found


def apply_stream_facts(field: StreamField, value, facts: dict[tuple, object]):
    """The value with the facts written in (blocks matched by their ids), or None if unchanged."""
    raw = copy.deepcopy(list(value.raw_data)) if value is not None else []
    changed = False
    for path, fact in facts.items():
        changed |= _set(field.stream_block, raw, path, fact)
    return field.to_python(raw) if changed else None


def source_locale_id(instance: TranslatableMixin) -> int:
    from wagtail_localize.models import TranslationSource

    locale_id = (
        TranslationSource.objects.filter(object_id=instance.translation_key)
        .order_by("created_at", "pk")
        .values_list("locale_id", flat=True)
        .first()
    )
    return locale_id or Locale.get_default().pk


def _facts_of(instance) -> tuple[dict[str, object], dict[str, dict]]:
    model = type(instance)
    fields = {name: getattr(instance, name) for name in fact_field_names(model)}
    streams = {
        field.name: stream_facts(field, getattr(instance, field.name)) for field in _stream_fields(model)
    }
    return fields, {name: facts for name, facts in streams.items() if facts}


def _changes_for(target, fields: dict, streams: dict) -> dict[str, object]:
    changes = {name: value for name, value in fields.items() if getattr(target, name) != value}
    for name, facts in streams.items():
        field = type(target)._meta.get_field(name)
        new_value = apply_stream_facts(field, getattr(target, name), facts)
        if new_value is not None:
            changes[name] = new_value
    return changes


@cache
def has_facts(model: type[models.Model]) -> bool:
    if not issubclass(model, TranslatableMixin):
        return False
    if fact_field_names(model):
        return True
    return any(
        any(getattr(block, "is_fact", False) for block in _all_blocks(field.stream_block))
        for field in _stream_fields(model)
    )


def _all_blocks(block):
    yield block
    children = getattr(block, "child_blocks", None)
    if children:
        for child in children.values():
            yield from _all_blocks(child)
    child_block = getattr(block, "child_block", None)
    if child_block is not None:
        yield from _all_blocks(child_block)


@transaction.atomic
def push_facts(*, instance) -> int:
    """Write the source's facts into each of its translations; returns how many changed."""
    model = type(instance)
    fields, streams = _facts_of(instance)
    if not fields and not streams:
        return 0
    changed = 0
    targets = model.objects.filter(translation_key=instance.translation_key).exclude(pk=instance.pk)
    for target in targets:
        changes = _changes_for(target, fields, streams)
        if changes:
            changed += model.objects.filter(pk=target.pk).update(**changes)
    return changed


def pull_facts(*, instance, save: bool) -> bool:
    """Take the source's facts into this translation (and its row, with save=True)."""
    model = type(instance)
    source = (
        model.objects.filter(translation_key=instance.translation_key, locale_id=source_locale_id(instance))
        .exclude(pk=instance.pk)
        .first()
    )
    if source is None:
        return False
    fields, streams = _facts_of(source)
    changes = _changes_for(instance, fields, streams)
    for name, value in changes.items():
        setattr(instance, name, value)
    if changes and save:
        model.objects.filter(pk=instance.pk).update(**changes)
    return bool(changes)


def synchronise(*, instance, saved: bool) -> None:
    """After the source or a translation was saved or published: make every copy agree."""
    if instance.pk is None:
        return
    with transaction.atomic():
        if instance.locale_id == source_locale_id(instance):
            if saved:
                push_facts(instance=instance)
        else:
            pull_facts(instance=instance, save=saved)


@receiver(pre_save)
def take_facts_before_saving_a_translation(sender, instance, raw=False, **kwargs) -> None:
    # Snippets only: a page's row is what visitors see, handled when it is published.
    if raw or isinstance(instance, Page) or not has_facts(sender) or instance.pk is None:
        return
    if instance.locale_id != source_locale_id(instance):
        pull_facts(instance=instance, save=False)


@receiver(post_save)
def give_facts_after_saving_a_source(sender, instance, raw=False, created=False, **kwargs) -> None:
    if raw or isinstance(instance, Page) or not has_facts(sender):
        return
    if instance.locale_id == source_locale_id(instance):
        push_facts(instance=instance)
    elif created:
        # A new translation copied from an older source: take today's facts.
        pull_facts(instance=instance, save=True)


@receiver(page_published)
def synchronise_published_page(sender, instance, **kwargs) -> None:
    page = instance.specific if type(instance) is Page else instance
    if has_facts(type(page)):
        synchronise(instance=page, saved=True)
