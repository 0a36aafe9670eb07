app_name = "appreciations"

urlpatterns = []
