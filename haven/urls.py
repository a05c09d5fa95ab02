from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from haven.base import views as base_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("exit/", base_views.exit_page, name="exit"),
]

if settings.HAVEN_SERVE_MEDIA:
    # Images only: documents are served through /documents/, which checks
    # collection privacy and always downloads them.
    urlpatterns += [
        re_path(
            r"^media/(?P<path>(?:images|original_images)/[^/]+)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]

urlpatterns += i18n_patterns(
    path("browse-safely/", base_views.BrowseSafelyView.as_view(), name="browse_safely"),
    path("privacy/", base_views.PrivacyView.as_view(), name="privacy"),
    path("comments/", include("haven.comments.urls")),
    path("", include("haven.events.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
