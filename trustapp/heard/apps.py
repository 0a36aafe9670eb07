from django.apps import AppConfig


class HeardConfig(AppConfig):
    name = "trustapp.heard"
    label = "heard"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from trustapp.couples import cards
        from trustapp.heard.sections import reveal_section

        # Conversations and check-ins offer it after a reveal without knowing this app.
        cards.add_section("reveal", "heard", "heard/_section.html", reveal_section)
