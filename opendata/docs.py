"""The API's interactive documentation, served so that it runs under the portal's strict CSP."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from ninja.openapi.docs import DocsBase

if TYPE_CHECKING:
    from ninja import NinjaAPI

SWAGGER_SETTINGS = {
    "layout": "BaseLayout",
    "deepLinking": True,
    # Never send the schema's address to swagger.io's online validator.
    "validatorUrl": None,
    "defaultModelsExpandDepth": 0,
}


class PortalSwagger(DocsBase):
    """Swagger UI from django-ninja's packaged static files: no CDN, no inline script or style."""

    template = "opendata/docs.html"

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        """Render the documentation page, or a plain link to the schema if Swagger UI is not installed."""
        openapi_url = self.get_openapi_url(api, kwargs)
        context = {
            "api": api,
            "openapi_url": openapi_url,
            # django-ninja's Swagger UI files are static files of its app: without "ninja" in
            # INSTALLED_APPS they are not served, and the page offers the schema alone.
            "interactive": apps.is_installed("ninja"),
            "swagger_settings": {**SWAGGER_SETTINGS, "url": openapi_url},
        }
        # Rendered without the request: the page needs no context processor, user or session.
        return HttpResponse(render_to_string(self.template, context))
