"""The email channel end to end against real servers: Dovecot (IMAP) and an SMTP sink, both started by
scripts/test-browser (scripts/mail-servers) on loopback. An admin sets up the mailbox in the admin pages; a customer's
mail delivered to the IMAP mailbox becomes a ticket; the agent's reply leaves through SMTP with threading headers;
the customer's answer threads onto the same ticket.
"""

from __future__ import annotations

import email
import email.policy
import imaplib
import json
import os
import ssl
import time
import uuid
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

import pytest

import pages

MAIL_TIMEOUT = 60  # seconds: one poll interval (10 s) plus the outbox tick, on a loaded CI machine


def mail_env() -> dict:
    keys = ["BALCAO_TEST_IMAP_PORT", "BALCAO_TEST_IMAP_USER", "BALCAO_TEST_IMAP_PASSWORD", "BALCAO_TEST_IMAP_CA",
            "BALCAO_TEST_SMTP_DIR"]
    missing = [key for key in keys if not os.environ.get(key)]
    if missing:
        if os.environ.get("BALCAO_TEST_MAIL") == "0":
            pytest.skip("mail servers turned off (BALCAO_TEST_MAIL=0)")
        pytest.fail(f"mail servers are not running: {', '.join(missing)} unset (scripts/test-browser starts them)")
    return {key: os.environ[key] for key in keys}


def deliver(env: dict, message: EmailMessage) -> None:
    """Puts a message in the mailbox's INBOX over IMAP (STARTTLS, the test CA), as an MTA would have."""
    context = ssl.create_default_context(cafile=env["BALCAO_TEST_IMAP_CA"])
    with imaplib.IMAP4("127.0.0.1", int(env["BALCAO_TEST_IMAP_PORT"])) as imap:
        imap.starttls(ssl_context=context)
        imap.login(env["BALCAO_TEST_IMAP_USER"], env["BALCAO_TEST_IMAP_PASSWORD"])
        status, _ = imap.append("INBOX", None, None, message.as_bytes(policy=email.policy.SMTP))
        assert status == "OK", f"IMAP APPEND answered {status}"


def unseen_count(env: dict) -> int:
    context = ssl.create_default_context(cafile=env["BALCAO_TEST_IMAP_CA"])
    with imaplib.IMAP4("127.0.0.1", int(env["BALCAO_TEST_IMAP_PORT"])) as imap:
        imap.starttls(ssl_context=context)
        imap.login(env["BALCAO_TEST_IMAP_USER"], env["BALCAO_TEST_IMAP_PASSWORD"])
        imap.select("INBOX")
        _, data = imap.search(None, "UNSEEN")
        return len(data[0].split())


def sent_mail(env: dict, predicate, what: str) -> email.message.EmailMessage:
    """Waits for a message in the SMTP sink's folder that `predicate` accepts."""
    folder = Path(env["BALCAO_TEST_SMTP_DIR"])
    deadline = time.monotonic() + MAIL_TIMEOUT
    while time.monotonic() < deadline:
        for path in sorted(folder.glob("*.eml")):
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if predicate(message):
                return message
        time.sleep(0.5)
    raise AssertionError(f"no mail {what} reached the SMTP sink in {MAIL_TIMEOUT} s")


def wait_for(condition, what: str):
    deadline = time.monotonic() + MAIL_TIMEOUT
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.5)
    raise AssertionError(f"{what} did not happen in {MAIL_TIMEOUT} s")


def find_ticket(desk, subject: str):
    listed = desk.api("GET", "/tickets?sort=-created_at&limit=20")["data"]
    return next((t for t in listed if subject in t["subject"]), None)


def ensure_mailbox(driver, desk, env) -> None:
    """The admin connects the desk's IMAP mailbox in the admin pages (once per desk)."""
    address = env["BALCAO_TEST_IMAP_USER"]
    pages.go(driver, desk.base_url, "/agent/admin/mail")
    row = f'#mailboxes-table tr[data-mailbox="{address}"]'
    if pages.exists(driver, row):
        return
    pages.type_into(driver, "#mb-address", address)
    pages.type_into(driver, "#mb-name", "Suporte Balcão")
    pages.choose(driver, "#mb-department", desk.department("Customer Support")["id"])
    pages.type_into(driver, "#mb-imap-host", "127.0.0.1")
    pages.type_into(driver, "#mb-imap-port", env["BALCAO_TEST_IMAP_PORT"])
    pages.choose(driver, "#mb-imap-security", "starttls")
    pages.type_into(driver, "#mb-imap-username", address)
    pages.type_into(driver, "#mb-imap-password", env["BALCAO_TEST_IMAP_PASSWORD"])
    pages.type_into(driver, "#mb-imap-interval", "10")
    pages.click(driver, "#mb-submit")
    pages.present(driver, row, "the new mailbox is not listed")


def test_a_customer_mail_becomes_a_ticket_and_the_conversation_threads_both_ways(desk, signed_in):
    env = mail_env()
    support = desk.department("Customer Support")
    desk_address = env["BALCAO_TEST_IMAP_USER"]

    driver = signed_in()
    ensure_mailbox(driver, desk, env)

    # A customer writes in (Portuguese, with an attachment).
    tag = uuid.uuid4().hex[:8]
    customer = f"cliente-{tag}@cliente.example"
    subject = f"Não consigo emitir a nota fiscal {tag}"
    first = EmailMessage()
    first["From"] = f"Joana Cliente <{customer}>"
    first["To"] = desk_address
    first["Subject"] = subject
    first["Message-ID"] = make_msgid(domain="cliente.example")
    first.set_content("Olá, o sistema dá erro ao emitir a nota fiscal nº 123.\n\nJoana")
    first.add_attachment(b"%PDF-1.4 erro", maintype="application", subtype="pdf", filename="erro.pdf")
    deliver(env, first)

    ticket = wait_for(lambda: find_ticket(desk, subject), "the ticket for the customer's mail")
    assert ticket["channel"] == "email"
    assert ticket["departmentId"] == support["id"]
    thread = desk.messages(ticket["id"])
    assert "emitir a nota fiscal nº 123" in thread[0]["text"]
    assert {"erro.pdf", "original.eml"} <= {a["filename"] for a in thread[0]["attachments"]}
    wait_for(lambda: unseen_count(env) == 0, "the processed mail being marked seen")

    # The customer got the "ticket received" auto-reply, threaded to her mail.
    received = sent_mail(env, lambda m: m["To"] and customer in m["To"] and m["Auto-Submitted"] == "auto-replied",
                         "auto-reply to the customer")
    assert f"[#{ticket['number']}]" in received["Subject"]
    assert received["In-Reply-To"] == first["Message-ID"]

    # The agent replies in the workspace; the reply leaves by SMTP with the threading headers.
    reply_text = f"Joana, corrigimos o cadastro fiscal ({tag}). Pode tentar de novo?"
    pages.open_ticket(driver, desk.base_url, ticket["number"])
    pages.post_message(driver, "reply", reply_text)
    pages.wait_message(driver, "reply", reply_text)
    reply = sent_mail(env, lambda m: m["To"] and customer in m["To"] and tag in m.get_body(("plain",)).get_content()
                      and m["Auto-Submitted"] is None, "with the agent's reply")
    assert f"[#{ticket['number']}]" in reply["Subject"]
    assert first["Message-ID"] in reply["References"]
    assert reply["In-Reply-To"] is not None
    assert desk_address in reply["Reply-To"]
    assert reply.get_body(("html",)) is not None, "the reply has no HTML part"

    # The customer answers that mail; it threads onto the same ticket, quoted history trimmed.
    answer = EmailMessage()
    answer["From"] = f"Joana Cliente <{customer}>"
    answer["To"] = desk_address
    answer["Subject"] = "Re: " + reply["Subject"]
    answer["Message-ID"] = make_msgid(domain="cliente.example")
    answer["In-Reply-To"] = reply["Message-ID"]
    answer["References"] = f"{first['Message-ID']} {reply['Message-ID']}"
    answer.set_content(f"Funcionou, obrigada! ({tag})\n\nEm qua., 25 de nov. de 2026, Suporte escreveu:\n> {reply_text}\n")
    deliver(env, answer)

    def threaded():
        replies = [m for m in desk.messages(ticket["id"]) if f"Funcionou, obrigada! ({tag})" in m["text"]]
        return replies[0] if replies else None

    stored = wait_for(threaded, "the customer's answer threading onto the ticket")
    assert stored["kind"] == "reply"
    assert reply_text not in stored["text"], "the quoted history was not trimmed"
    pages.wait_message(driver, "reply", f"Funcionou, obrigada! ({tag})")
    assert find_ticket(desk, subject)["id"] == ticket["id"]

    if os.environ.get("BALCAO_SCREENSHOTS") == "1":  # docs/screenshots/email-admin.png for the README
        from conftest import ROOT
        pages.go(driver, desk.base_url, "/agent/admin/mail?outbox=sent")
        driver.save_screenshot(str(ROOT / "docs" / "screenshots" / "email-admin.png"))


def test_the_mta_pipe_stores_a_mail_once_and_quarantines_unreadable_mail(tmp_path):
    """`balcao ingest-email --to ADDRESS < message.eml`, as an MTA's pipe runs it, with sysexits exit codes."""
    from conftest import BINARY, ROOT
    import subprocess

    env = {k: v for k, v in os.environ.items() if not k.startswith("BALCAO_")}
    message = EmailMessage()
    message["From"] = "Rui Fornecedor <rui@fornecedor.example>"
    message["To"] = "compras@empresa.example"
    message["Subject"] = "Cotação de toners"
    message["Message-ID"] = make_msgid(domain="fornecedor.example")
    message.set_content("Segue a cotação pedida, válida até sexta.")
    raw = message.as_bytes(policy=email.policy.SMTP)

    def ingest(data: bytes, *extra: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(BINARY), "ingest-email", "--data-dir", str(tmp_path), *extra], input=data, cwd=ROOT, env=env,
            capture_output=True, timeout=120)

    def said(result: subprocess.CompletedProcess, start: str) -> bool:
        return any(line.startswith(start) for line in result.stdout.decode().splitlines())

    first = ingest(raw, "--to", "compras@empresa.example")
    assert first.returncode == 0, first.stderr.decode()
    assert said(first, "opened ticket #"), first.stdout.decode()
    again = ingest(raw, "--to", "compras@empresa.example")
    assert again.returncode == 0 and said(again, "duplicate"), again.stdout.decode()
    unreadable = ingest(b"Subject: sem remetente\r\n\r\ntexto")
    assert unreadable.returncode == 0 and said(unreadable, "quarantined"), unreadable.stdout.decode()
    assert "no readable From" in unreadable.stdout.decode()
    empty = ingest(b"")
    assert empty.returncode == 65
    bad_flag = ingest(raw, "--to", "not-an-address")
    assert bad_flag.returncode == 64


def test_a_naive_auto_responder_cannot_loop_with_the_desk(desk, signed_in):
    """An auto-responder that sets none of the automatic-mail headers answers every mail it gets with a fresh
    message (so each one opens a new ticket and earns an auto-reply). The desk's cap on automatic mail per address
    ends the exchange after a bounded number of messages."""
    env = mail_env()
    driver = signed_in()
    ensure_mailbox(driver, desk, env)
    token = uuid.uuid4().hex[:8]
    responder = f"ferias-{token}@parceiro.example"
    folder = Path(env["BALCAO_TEST_SMTP_DIR"])
    answered: set[str] = set()

    def desk_mail_to_responder() -> list[Path]:
        found = []
        for path in sorted(folder.glob("*.eml")):
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if message["To"] and responder in message["To"]:
                found.append(path)
        return found

    def respond(index: int) -> None:
        mail = EmailMessage()
        mail["From"] = f"Parceiro <{responder}>"
        mail["To"] = env["BALCAO_TEST_IMAP_USER"]
        mail["Subject"] = f"Estou fora do escritório {token} ({index})"
        mail["Message-ID"] = make_msgid(domain="parceiro.example")
        mail.set_content("Estou fora do escritório e respondo quando voltar.")
        deliver(env, mail)

    respond(0)
    cap = 10  # RecipientRules.automaticPerAddress
    deadline = time.monotonic() + 300
    quiet_since = time.monotonic()
    while time.monotonic() < deadline:
        new = [p for p in desk_mail_to_responder() if p.name not in answered]
        for path in new:
            answered.add(path.name)
            respond(len(answered))
            quiet_since = time.monotonic()
        if len(answered) >= cap and time.monotonic() - quiet_since > 30:
            break  # the desk stopped answering: at least three poll intervals without a new mail
        time.sleep(0.5)
    sent = desk_mail_to_responder()
    assert len(sent) == cap, f"the desk sent {len(sent)} automatic mails to the auto-responder (cap {cap})"
    for path in sent:
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        assert message["Auto-Submitted"] == "auto-replied"
        assert message["X-Balcao-Loop"], "our loop header is missing"
    # Every mail of the exchange is still on the desk: stored, never dropped.
    tickets = desk.api("GET", "/tickets?sort=-created_at&limit=50")["data"]
    assert sum(token in t["subject"] for t in tickets) == cap + 1


class FakeAuthorizationServer:
    """A stand-in for Microsoft's or Google's OAuth endpoints, in this process on a free loopback port: /authorize
    sends the browser straight back with a code (as after the user consents), /token trades that code — and later
    the refresh token — for the access token Dovecot's oauth2 passdb accepts."""

    def __init__(self, access_token: str):
        import http.server
        import threading
        from urllib.parse import parse_qs, urlencode, urlsplit

        self.requests: list[dict] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                url = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path != "/authorize":
                    self.send_error(404)
                    return
                server.requests.append({"path": "/authorize", **query})
                self.send_response(302)
                self.send_header("Location", query["redirect_uri"] + "?" + urlencode({"code": "c0de", "state": query["state"]}))
                self.end_headers()

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                server.requests.append({"path": self.path, **form})
                good = form.get("client_secret") == "s3gredo-do-app" and (
                    (form.get("grant_type") == "authorization_code" and form.get("code") == "c0de")
                    or (form.get("grant_type") == "refresh_token" and form.get("refresh_token") == "refresh-1"))
                body = json.dumps({"access_token": access_token, "refresh_token": "refresh-1", "expires_in": 3600}
                                  if good else {"error": "invalid_grant"}).encode()
                self.send_response(200 if good else 400)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()


def test_a_mailbox_connects_with_oauth_and_is_polled_with_xoauth2(desk, signed_in):
    """The admin connects the mailbox to an OAuth 2.0 provider (the authorization-code flow, through the browser);
    from then on Balcão signs in to Dovecot with SASL XOAUTH2 and a token, and mail still becomes tickets."""
    env = mail_env()
    token = os.environ.get("BALCAO_TEST_IMAP_OAUTH_TOKEN")
    if not token:
        pytest.fail("BALCAO_TEST_IMAP_OAUTH_TOKEN is unset (scripts/mail-servers starts the token server)")
    driver = signed_in()
    ensure_mailbox(driver, desk, env)
    provider = FakeAuthorizationServer(token)
    try:
        pages.go(driver, desk.base_url, "/agent/admin/mail")
        pages.click(driver, f'#mailboxes-table tr[data-mailbox="{env["BALCAO_TEST_IMAP_USER"]}"] a')
        pages.present(driver, "#oauth-form", "the mailbox page has no OAuth form")
        pages.choose(driver, "#oauth-provider", "custom")
        pages.type_into(driver, "#oauth-client-id", "balcao-e2e")
        pages.type_into(driver, "#oauth-client-secret", "s3gredo-do-app")
        pages.type_into(driver, "#oauth-authorize-url", provider.url + "/authorize")
        pages.type_into(driver, "#oauth-token-url", provider.url + "/token")
        pages.type_into(driver, "#oauth-scope", "imap smtp")
        pages.type_into(driver, "#oauth-smtp-host", "127.0.0.1")
        pages.type_into(driver, "#oauth-smtp-port", os.environ["BALCAO_TEST_SMTP_PORT"])
        pages.choose(driver, "#oauth-smtp-security", "starttls")
        pages.click(driver, "#oauth-connect")
        pages.present(driver, "#oauth-status", "the mailbox does not say it is connected with OAuth")

        authorize = next(r for r in provider.requests if r["path"] == "/authorize")
        assert authorize["client_id"] == "balcao-e2e" and authorize["response_type"] == "code"
        assert authorize["redirect_uri"] == desk.base_url + "/agent/admin/mail/oauth/callback"
        exchange = next(r for r in provider.requests if r.get("grant_type") == "authorization_code")
        assert exchange["redirect_uri"] == authorize["redirect_uri"]
        assert "s3gredo-do-app" not in driver.page_source, "the client secret was printed back"

        tag = uuid.uuid4().hex[:8]
        subject = f"Pedido via conta Microsoft 365 {tag}"
        mail = EmailMessage()
        mail["From"] = f"Igor <igor-{tag}@cliente.example>"
        mail["To"] = env["BALCAO_TEST_IMAP_USER"]
        mail["Subject"] = subject
        mail["Message-ID"] = make_msgid(domain="cliente.example")
        mail.set_content("Chegou pela caixa conectada por OAuth.")
        deliver(env, mail)
        ticket = wait_for(lambda: find_ticket(desk, subject), "the ticket for mail read with XOAUTH2")
        assert ticket["channel"] == "email"
        log = Path(os.environ["BALCAO_MAIL_DIR"]) / "imap" / "dovecot.log"
        if log.exists():  # Dovecot logs each login with its SASL mechanism
            assert "method=XOAUTH2" in log.read_text(errors="replace"), "Balcão did not sign in with XOAUTH2"

        # The agent's answer leaves as the mailbox itself, through the provider's SMTP with the same token.
        reply_text = f"Resolvido pela caixa OAuth ({tag})."
        pages.open_ticket(driver, desk.base_url, ticket["number"])
        pages.post_message(driver, "reply", reply_text)
        sent = sent_mail(env, lambda m: m["To"] and f"igor-{tag}" in m["To"] and m["Auto-Submitted"] is None,
                         "with the agent's reply from the OAuth mailbox")
        folder = Path(env["BALCAO_TEST_SMTP_DIR"])
        meta = next(json.loads(p.with_suffix(".json").read_text()) for p in folder.glob("*.eml")
                    if sent["Message-ID"] in p.read_text(errors="replace"))
        assert meta["auth_user"] == env["BALCAO_TEST_IMAP_USER"], f"sent through the relay, not XOAUTH2: {meta}"
    finally:
        provider.close()
