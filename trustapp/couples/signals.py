"""What couples tells the apps above it, which connect in their AppConfig.ready().

couples imports none of them; each app decides itself what a pairing's end means for it.
"""

from django.dispatch import Signal

# Sent with `partnership=` inside `partnership_leave`'s transaction, once, when a space
# ends: receivers stop what it scheduled and fix what happens to its data, atomically with
# the end (an error in a receiver undoes the leaving).
partnership_ended = Signal()

# Sent with `partnership=`, `user=` and `answers=` (the accepting form's data) once someone
# has joined through an invitation: apps that added a section to the "accept" step
# (cards.add_section) read their answer from it. The joining already stands.
invitation_accepted = Signal()
