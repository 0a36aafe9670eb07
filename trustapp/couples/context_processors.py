from trustapp.couples.cards import Badges


def partnerships(request):
    """The partnership being viewed (set by `partnership_view`), for the navigation."""
    partnership = getattr(request, "partnership", None)
    context = {"current_partnership": partnership}
    if partnership is not None and request.user.is_authenticated:
        context["current_partner"] = partnership.partner_of(request.user)
        context["badges"] = Badges(partnership, request.user)
    return context
