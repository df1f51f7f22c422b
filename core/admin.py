"""Admin-site wiring: the back office names the portal."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("REC Portal — Secretariat")
admin.site.site_title = _("REC Portal")
admin.site.index_title = _("The Council's records")
