"""The server's VAPID key pair, which signs every push so push services know it is us.

Production reads the private key from the environment (VAPID_PRIVATE_KEY), the same in
every container. Without it (`make run`, the tests) a key is made once into the data
folder and read from there afterwards.
"""

import base64
import contextlib
import functools
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from py_vapid import Vapid

KEY_FILE = "vapid-private.pem"


def _b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def new_private_key():
    """A fresh private key as the one line VAPID_PRIVATE_KEY takes (base64url, raw)."""
    vapid = Vapid()
    vapid.generate_keys()
    return _b64url(vapid.private_key.private_numbers().private_value.to_bytes(32, "big"))


@functools.cache
def load(private_key, data_dir):
    """The Vapid signer: from `private_key` when given, else from (or into) `data_dir`."""
    if private_key:
        return Vapid.from_string(private_key.strip())
    path = Path(data_dir) / KEY_FILE
    if not path.exists():
        Path(data_dir).mkdir(parents=True, exist_ok=True)
        vapid = Vapid()
        vapid.generate_keys()
        # Two processes starting at once: the first file written wins, the other reads it.
        with contextlib.suppress(FileExistsError):
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as file:
                file.write(vapid.private_pem())
    return Vapid.from_file(str(path))


def public_key(vapid):
    """The application server key a browser subscribes with (base64url, uncompressed)."""
    raw = vapid.public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return _b64url(raw)
