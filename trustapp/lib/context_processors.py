from django.conf import settings

# Every page's stylesheets, in order; the service worker keeps the same ones as its shell.
STYLESHEETS = (
    "css/app.css",
    "css/agreements.css",
    "css/appreciations.css",
    "css/conversations.css",
    "css/checkins.css",
    "css/accounts.css",
    "css/privacy.css",
    "css/repair.css",
)


def quick_exit(request):
    """The neutral page every page's "Quick exit" leaves for."""
    return {"quick_exit_url": settings.QUICK_EXIT_URL}


def stylesheets(request):
    """The stylesheets base.html links (one list, shared with the app shell)."""
    return {"stylesheets": STYLESHEETS}
