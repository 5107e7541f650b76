from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from werkpost.accounts import views as accounts_views
from werkpost.api import api
from werkpost.core import views as core_views

urlpatterns = [
    path("api/v1/", api.urls),
    path("docs/messages/", core_views.message_index, name="message-index"),
    path("docs/messages/<str:code>", core_views.message_page, name="message-page"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("i18n/setlang/", accounts_views.set_language, name="set_language"),
    path("portal/", include("werkpost.portal.urls")),
    path("", include("werkpost.extranet.urls")),
]
if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
# Wagtail serves the extranet pages: everything not matched above.
urlpatterns.append(path("", include(wagtail_urls)))
