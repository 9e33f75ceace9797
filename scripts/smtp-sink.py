#!/usr/bin/env python3
"""smtp-sink.py — local SMTP server for tests: stores every accepted message in a directory.

Needs: pip install aiosmtpd   (tested with 1.4.6; scripts/mail-servers sets up a venv with it)
Usage:
  scripts/smtp-sink.py --port PORT --dir DIR [--host 127.0.0.1]
                       [--cert cert.pem --key key.pem [--smtps] [--require-starttls]]
                       [--auth USER:PASS] [--xoauth2 USER:TOKEN]
Each message -> DIR/NNNNNN.eml (raw bytes as received, dot-stuffing removed) + DIR/NNNNNN.json
  ({"mail_from", "rcpt_tos", "auth_user", "tls"}); files appear atomically (rename).
--cert/--key  : offer STARTTLS (or implicit TLS with --smtps, i.e. port-465 style).
--auth        : advertise AUTH PLAIN/LOGIN and require it before MAIL FROM. With a cert, AUTH
                is only allowed after STARTTLS (aiosmtpd default); without one it is allowed in clear.
--xoauth2     : (with --auth) also advertise AUTH XOAUTH2 and accept this one OAuth 2.0 access token for USER.
                A wrong one gets Google's exchange: a 334 base64 JSON error, then 535 after the client's
                empty line.
Prints "smtp-sink ready on HOST:PORT" once it accepts connections; SIGTERM/SIGINT stop it (exit 0).
"""
import argparse, base64, hmac, json, logging, os, signal, ssl, threading, warnings
warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
logging.getLogger("mail.log").setLevel(logging.ERROR)   # hide aiosmtpd deprecation chatter

ap = argparse.ArgumentParser()
ap.add_argument("--host", default="127.0.0.1"); ap.add_argument("--port", type=int, required=True)
ap.add_argument("--dir", required=True); ap.add_argument("--cert"); ap.add_argument("--key")
ap.add_argument("--smtps", action="store_true"); ap.add_argument("--require-starttls", action="store_true")
ap.add_argument("--auth", help="USER:PASS"); ap.add_argument("--xoauth2", help="USER:TOKEN")
a = ap.parse_args()
try:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import MISSING, AuthResult, LoginPassword
except ImportError:
    raise SystemExit("smtp-sink.py: aiosmtpd missing; run it with a Python that has `pip install aiosmtpd`")
os.makedirs(a.dir, exist_ok=True)
lock = threading.Lock(); counter = [len([f for f in os.listdir(a.dir) if f.endswith(".eml")])]

class Sink:
    async def handle_DATA(self, server, session, envelope):
        with lock:
            counter[0] += 1; base = os.path.join(a.dir, "%06d" % counter[0])
        meta = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                "auth_user": getattr(session, "sink_user", None), "tls": a.smtps or bool(getattr(session, "ssl", None))}
        for ext, data in ((".json", json.dumps(meta).encode()), (".eml", envelope.original_content)):
            with open(base + ext + ".tmp", "wb") as f: f.write(data)
            os.rename(base + ext + ".tmp", base + ext)
        return "250 OK stored"

class OAuthSink(Sink):
    """Sink plus AUTH XOAUTH2: aiosmtpd offers every auth_<MECHANISM> method of the handler."""

    async def auth_XOAUTH2(self, server, args):
        if len(args) == 1:   # "AUTH XOAUTH2": the initial response follows an empty challenge
            blob = await server.challenge_auth("")
            if blob is MISSING: return AuthResult(success=False, handled=True)
        else:
            try: blob = base64.b64decode(args[1], validate=True)
            except ValueError:
                await server.push("501 5.5.2 Can't decode base64"); return AuthResult(success=False, handled=True)
        fields = dict(f.split("=", 1) for f in blob.decode("utf-8", "replace").split("\x01") if "=" in f)
        user, token = a.xoauth2.split(":", 1)
        bearer = fields.get("auth", "").encode()
        if fields.get("user") == user and hmac.compare_digest(bearer, ("Bearer " + token).encode()):
            server.session.sink_user = user
            return AuthResult(success=True, auth_data=user)
        error = json.dumps({"status": "401", "schemes": "Bearer", "scope": "https://mail.google.com/"},
                           separators=(",", ":"))
        if await server.challenge_auth(error) is MISSING:   # the client answered "*": 501 already sent
            return AuthResult(success=False, handled=True)
        return AuthResult(success=False, handled=False)   # -> 535

def authenticator(server, session, envelope, mechanism, auth_data):
    user, pw = a.auth.split(":", 1)
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == pw
    if ok: session.sink_user = user
    return AuthResult(success=ok, handled=False)   # handled=False -> aiosmtpd sends 535 on failure

kw = {}
if a.cert:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH); ctx.load_cert_chain(a.cert, a.key)
    if a.smtps: kw["ssl_context"] = ctx
    else: kw.update(tls_context=ctx, require_starttls=a.require_starttls)
if a.auth:
    kw.update(authenticator=authenticator, auth_required=True,
              auth_require_tls=bool(a.cert and not a.smtps))
ctl = Controller(OAuthSink() if a.auth and a.xoauth2 else Sink(), hostname=a.host, port=a.port, **kw)
ctl.start()
print("smtp-sink ready on %s:%d" % (a.host, a.port), flush=True)
stop = threading.Event()
for s in (signal.SIGTERM, signal.SIGINT): signal.signal(s, lambda *_: stop.set())
stop.wait(); ctl.stop()
