"""What agreements tell the apps above them, connected in their AppConfig.ready()."""

from django.dispatch import Signal

# Sent inside the transaction when a revisit date's answers were not two yeses:
# `agreement`, `user` (whose answer completed them). Check-ins put it on their agenda.
revisit_needs_conversation = Signal()
