"""A Redis cache that treats an unreachable Redis as an empty cache.

Redis only carries messages and short-lived counters here (PostgreSQL is the source of
truth), so a Redis outage must not turn every sign-in or page into an error: reads miss,
writes are skipped, and a warning is logged.
"""

import logging
from functools import wraps

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


def _or(fallback):
    def decorator(method):
        @wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except UNREACHABLE as error:
                logger.warning("cache unreachable, %s skipped: %s", method.__name__, error)
                return fallback.copy() if isinstance(fallback, (dict, list)) else fallback

        return wrapper

    return decorator


class ResilientRedisCache(RedisCache):
    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except UNREACHABLE as error:
            logger.warning("cache unreachable, get skipped: %s", error)
            return default

    # Fails open: rate limits take a lock with add(); during an outage nobody is locked out.
    @_or(True)
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().add(key, value, timeout, version)

    @_or(None)
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set(key, value, timeout, version)

    @_or(False)
    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return super().touch(key, timeout, version)

    @_or(False)
    def delete(self, key, version=None):
        return super().delete(key, version)

    @_or({})
    def get_many(self, keys, version=None):
        return super().get_many(keys, version)

    @_or(False)
    def has_key(self, key, version=None):
        return super().has_key(key, version)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except UNREACHABLE as error:
            logger.warning("cache unreachable, incr skipped: %s", error)
            return delta

    @_or([])
    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set_many(data, timeout, version)

    @_or(None)
    def delete_many(self, keys, version=None):
        return super().delete_many(keys, version)

    @_or(False)
    def clear(self):
        return super().clear()
