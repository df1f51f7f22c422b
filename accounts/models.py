"""The portal's user account, separate from the person (members.Member) it belongs to."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A login to the portal; the person behind it is a members.Member."""

    email = models.EmailField(
        _("e-mail address"),
        blank=True,
        help_text=_("Used for password reset and notifications. Two accounts cannot share one address."),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        ordering = ["username"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="accounts_user_unique_email_ci",
                violation_error_message=_("Another account already uses this e-mail address."),
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username
