from trustapp.accounts.models import available_time_zones


def time_zones(request):
    return {"time_zones": available_time_zones()}
