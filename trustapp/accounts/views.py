from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from trustapp.accounts.forms import ProfileForm


@login_required
def profile(request):
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(
            request, _("Saved. Times now show in %(zone)s.") % {"zone": request.user.time_zone}
        )
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})
