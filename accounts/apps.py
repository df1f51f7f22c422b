from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        import accounts.twofactor  # noqa: F401  Connects the sign-in hook that asks for a second factor.
        from accounts.roles import sync_secretariat_group_after_migrate

        # Permissions exist only after migrate; keep the Secretariat group's set exact.
        post_migrate.connect(sync_secretariat_group_after_migrate, dispatch_uid="sync-secretariat-group")
