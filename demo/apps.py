from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo data and `seed_demo`: it may use every other app, and no other app may use it."""

    name = "demo"
