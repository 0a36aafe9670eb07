from django.urls import reverse

from tests.conversations.conftest import conversation, prompt, revealed  # noqa: F401 (fixtures)


def url(name, partnership, *args):
    return reverse(f"heard:{name}", args=[partnership.public_id, *args])
