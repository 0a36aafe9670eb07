from django.conf import settings


def quick_exit(request):
    """The neutral page every page's "Quick exit" leaves for."""
    return {"quick_exit_url": settings.QUICK_EXIT_URL}
