"""WSGI entry point for gunicorn: Django behind the slow-client guard (core/slowclient.py)."""

import os

from django.core.wsgi import get_wsgi_application

from werkpost.core.slowclient import SlowClientGuard

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkpost.settings")
application = SlowClientGuard(get_wsgi_application())
