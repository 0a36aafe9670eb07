"""What the apps above notifications add to its emails.

notifications imports none of those apps: each one provides its part from its own
AppConfig.ready(), and a reminder leaves out what nobody provided.
- "check_in_path": partnership -> the path a reminder links to;
- "prompts_of_the_week": partnerships -> {partnership pk: prompt};
- "new_appreciation_counts": [(partnership pk, user pk)] -> {that pair: count};
- "<kind>_emails" for a ReminderDelivery kind an app writes itself (e.g. "question_emails"):
  (deliveries, *, preferences, now, on_error) -> {delivery pk: email, or None to skip};
- "<kind>_push" likewise for push: -> {delivery pk: {"title", "body", "url"}, or None}.
"""

_provided = {}


def provide(name, function):
    _provided[name] = function


def provided(name):
    return _provided.get(name)
