from django.conf import settings
from django.http import HttpResponseRedirect
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from .models import SiteSettings


@require_safe
def exit_page(request):
    """Leave for the neutral page staff chose. A plain link, so it works without JavaScript."""
    response = HttpResponseRedirect(SiteSettings.for_request(request).exit_url)
    response["Cache-Control"] = "no-store"
    return response


class BrowseSafelyView(TemplateView):
    template_name = "base/browse_safely.html"


class PrivacyView(TemplateView):
    template_name = "base/privacy.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["registration_retention_days"] = settings.HAVEN_REGISTRATION_RETENTION_DAYS
        context["comment_retention_days"] = settings.HAVEN_COMMENT_EMAIL_RETENTION_DAYS
        return context
