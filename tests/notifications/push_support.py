"""A push service on loopback and a device with its own keys, to see a push arrive whole.

The device is what a browser is to the push service: a P-256 key pair and an auth secret.
The test keeps the private half, so it can decrypt the body the way the browser would.
"""

import base64
import contextlib
import json
import os
import threading
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from trustapp.notifications import services


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@dataclass
class Device:
    private_key: ec.EllipticCurvePrivateKey = field(
        default_factory=lambda: ec.generate_private_key(ec.SECP256R1())
    )
    auth_secret: bytes = field(default_factory=lambda: os.urandom(16))

    @property
    def p256dh(self):
        return b64url(
            self.private_key.public_key().public_bytes(
                serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
            )
        )

    @property
    def auth(self):
        return b64url(self.auth_secret)

    def subscribe(self, user, endpoint, name="My phone"):
        return services.device_subscribe(
            user=user, endpoint=endpoint, p256dh=self.p256dh, auth=self.auth, name=name
        )

    def read(self, body):
        """What the browser's service worker would get: the payload, decrypted."""
        plain = http_ece.decrypt(
            body, private_key=self.private_key, auth_secret=self.auth_secret, version="aes128gcm"
        )
        return json.loads(plain)


@dataclass
class Pushed:
    path: str
    headers: dict
    body: bytes


class PushService:
    """Records every POST; answers 201, or the status set for a path in `answers`.
    `on_push(n)` runs after the n-th push is recorded and before the answer goes out."""

    def __init__(self):
        self.received = []
        self.answers = {}
        self.on_push = None
        self.lock = threading.Lock()
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with service.lock:
                    headers = {name.lower(): value for name, value in self.headers.items()}
                    service.received.append(Pushed(self.path, headers, body))
                    count = len(service.received)
                if service.on_push is not None:
                    service.on_push(count)
                status = service.answers.get(self.path, 201)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def endpoint(self, name):
        return f"{self.url}/push/{name}"

    def to(self, name):
        with self.lock:
            return [item for item in self.received if item.path == f"/push/{name}"]

    def counts(self):
        with self.lock:
            return Counter(item.path for item in self.received)


@contextlib.contextmanager
def push_service():
    service = PushService()
    thread = threading.Thread(target=service.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield service
    finally:
        service.server.shutdown()
        service.server.server_close()
