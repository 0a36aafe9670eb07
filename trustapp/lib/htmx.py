"""One rule for every view: htmx asking for a piece of a page gets the named partial."""

from django.shortcuts import render


def wants_partial(request):
    """True when htmx swaps a region; a boosted link or form still gets the whole page."""
    return bool(request.htmx) and not request.htmx.boosted


def render_page(request, template, context, *, partial=None, status=200):
    """The whole page, or only `template#partial` when htmx asks for that piece."""
    if partial and wants_partial(request):
        template = f"{template}#{partial}"
    return render(request, template, context, status=status)
