"""The Secretariat role: one auth group holding exactly the permissions the secretariat needs."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

SECRETARIAT_GROUP = "Secretariat"
_CACHE_ATTRIBUTE = "_rec_is_secretariat"

# Apps whose models the secretariat runs in full through the admin.
_MANAGED_APPS = ("members", "workinggroups", "meetings", "news")


def is_secretariat(user) -> bool:
    """Return whether `user` holds the secretariat role (superusers hold it implicitly), cached for the request."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = user.is_superuser or user.groups.filter(name=SECRETARIAT_GROUP).exists()
        setattr(user, _CACHE_ATTRIBUTE, cached)
    return cached


def _secretariat_permission_q() -> Q:
    # Full control of the Council's data; history is read-only; accounts can be
    # created and edited (roles and superuser flags are read-only in the admin, see
    # accounts.admin), never deleted, so what a person did stays attributable.
    domain = Q(content_type__app_label__in=_MANAGED_APPS) & ~Q(content_type__model__startswith="historical")
    history = Q(content_type__app_label__in=_MANAGED_APPS, content_type__model__startswith="historical") & Q(
        codename__startswith="view_"
    )
    users = Q(content_type__app_label="accounts", content_type__model="user") & Q(
        codename__in=["view_user", "add_user", "change_user"]
    )
    # The outbox is read, and failed e-mails re-sent (the "change" permission), never written by hand.
    outbox = Q(content_type__app_label="mailqueue") & Q(
        codename__in=["view_outboxmessage", "change_outboxmessage", "view_sentreminder"]
    )
    return domain | history | users | outbox


def secretariat_permissions():
    """Return the queryset of permissions the Secretariat group must hold."""
    return Permission.objects.filter(_secretariat_permission_q())


def sync_secretariat_group() -> Group:
    """Create the Secretariat group if missing and set its permissions to exactly the needed set."""
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    group, _ = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    group.permissions.set(secretariat_permissions())
    return group


def sync_secretariat_group_after_migrate(sender, *, plan=None, **kwargs) -> None:
    """Keep the Secretariat group exact after every migrate that ran the last app."""
    # post_migrate is sent once per app; act once, after the last one.
    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if sender.label != with_models[-1].label:
        return
    using = kwargs.get("using", "default")
    if using != "default":
        return
    sync_secretariat_group()
