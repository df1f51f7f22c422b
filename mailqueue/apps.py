from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailqueueConfig(AppConfig):
    name = "mailqueue"
    verbose_name = _("Outgoing e-mail")
