#!/usr/bin/env python3
"""oauth-introspect.py — a stand-in OAuth 2.0 authorization server for tests: knows one access token.

Stdlib only. Dovecot's oauth2 passdb (scripts/imap-temp with IMAP_OAUTH2_URL) asks it whether a token is good.
Usage:
  scripts/oauth-introspect.py --port PORT --user USER --token TOKEN [--host 127.0.0.1]
Endpoints (JSON answers):
  GET  /tokeninfo?access_token=T  200 {"username": USER, "active": true} for TOKEN, else 401 {"error": ...}
  POST /introspect  (form token=T, RFC 7662)  200 {"active": true, "username": USER, ...} for TOKEN,
                                              else 200 {"active": false}
  GET  /introspect?token=T        the same, for Dovecot's introspection_mode = get
Every request is logged to stdout as "METHOD PATH -> STATUS" (never the token). Prints
"oauth-introspect ready on HOST:PORT" once it listens; SIGTERM/SIGINT stop it (exit 0).
"""
import argparse, hmac, json, signal, sys, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ap = argparse.ArgumentParser()
ap.add_argument("--host", default="127.0.0.1"); ap.add_argument("--port", type=int, required=True)
ap.add_argument("--user", required=True); ap.add_argument("--token", required=True)
a = ap.parse_args()


def known(token):
    return token is not None and hmac.compare_digest(token.encode(), a.token.encode())


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"   # Dovecot's HTTP client keeps connections open

    def do_GET(self):
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        if url.path == "/tokeninfo":
            token = (query.get("access_token") or [None])[0]
            if known(token):
                self.answer(200, {"username": a.user, "active": True, "scope": "mail"})
            else:
                self.answer(401, {"error": "invalid_token"})
        elif url.path == "/introspect":
            self.introspect((query.get("token") or [None])[0])
        else:
            self.answer(404, {"error": "not_found"})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        form = parse_qs(self.rfile.read(length).decode("utf-8", "replace"))
        if urlsplit(self.path).path == "/introspect":
            self.introspect((form.get("token") or [None])[0])
        else:
            self.answer(404, {"error": "not_found"})

    def introspect(self, token):
        if known(token):
            self.answer(200, {"active": True, "username": a.user, "scope": "mail", "token_type": "Bearer"})
        else:
            self.answer(200, {"active": False})

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_request(self, code="-", size="-"):
        print("%s %s -> %s" % (self.command, urlsplit(self.path).path, code), flush=True)

    def log_message(self, format, *args):
        print(format % args, file=sys.stderr, flush=True)


server = ThreadingHTTPServer((a.host, a.port), Handler)
server.daemon_threads = True
threading.Thread(target=server.serve_forever, daemon=True).start()
print("oauth-introspect ready on %s:%d" % (a.host, a.port), flush=True)
stop = threading.Event()
for s in (signal.SIGTERM, signal.SIGINT): signal.signal(s, lambda *_: stop.set())
stop.wait(); server.shutdown()
