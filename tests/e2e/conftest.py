"""Fixtures for the browser tests: one demo desk served by the built binary per session, headless Chromium sessions.

The runner (scripts/test-browser) picks the database: SQLite in a temp data dir, or PostgreSQL when it sets
BALCAO_DATABASE_URL and BALCAO_DATABASE_SCHEMA, which the seeder and the server both inherit.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

import pages

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "e2e" / "artifacts"
BINARY = Path(os.environ.get("BALCAO_E2E_BINARY", ROOT / ".build" / "debug" / "balcao"))
CHROMIUM = os.environ.get("BALCAO_E2E_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("BALCAO_E2E_CHROMEDRIVER", "/usr/bin/chromedriver")
ADMIN_EMAIL = "admin@balcao.example"
SEED_TIMEOUT = 900  # seconds: 400+ tickets from a debug build, on PostgreSQL too
START_TIMEOUT = 120
STOP_GRACE = 10


def database_label() -> str:
    return os.environ.get("BALCAO_E2E_LABEL") or ("postgres" if os.environ.get("BALCAO_DATABASE_URL") else "sqlite")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class APIError(AssertionError):
    def __init__(self, method: str, path: str, status: int, body: str):
        super().__init__(f"{method} {path} answered {status}: {body[:2000]}")
        self.status = status
        self.body = body


@dataclass
class Desk:
    """The running demo desk: where it is, the admin's login, and the REST API with the admin's token."""

    base_url: str
    admin_email: str
    admin_password: str
    token: str
    label: str
    admin_id: str = ""
    _departments: dict = field(default_factory=dict)

    def api(self, method: str, path: str, body=None, token: str | None = None):
        """Calls /api/v1`path` with a bearer token (the admin's by default); returns the decoded JSON or None."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base_url + "/api/v1" + path, data=data, method=method)
        request.add_header("Authorization", f"Bearer {token or self.token}")
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                raw = response.read()
        except urllib.error.HTTPError as error:
            raise APIError(method, path, error.code, error.read().decode(errors="replace")) from None
        return json.loads(raw) if raw else None

    @staticmethod
    def unique(prefix: str = "e2e") -> str:
        return f"{prefix}-{uuid.uuid4().hex[:10]}"

    def department(self, name: str) -> dict:
        if not self._departments:
            listed = self.api("GET", "/departments?limit=200")["data"]
            self._departments.update({d["name"]: d for d in listed})
        return self._departments[name]

    def create_ticket(self, subject: str, body: str | None = None, requester_email: str | None = None,
                      requester_name: str | None = None, **fields) -> dict:
        """Opens a ticket through the API. `fields` are the API's other keys (priority, departmentId, assigneeId…)."""
        tag = uuid.uuid4().hex[:8]
        payload = {
            "subject": subject,
            "body": body or f"Pedido criado pelo teste de navegador ({tag}).",
            "requester": {
                "email": requester_email or f"requester-{tag}@e2e.example",
                "name": requester_name or f"Requerente {tag}",
            },
            **fields,
        }
        return self.api("POST", "/tickets", payload)

    def create_agent(self, name: str | None = None, role: str = "agent", department_ids=(),
                     language: str | None = None) -> dict:
        """A new agent with a password (returned under "password"); no language unless one is given."""
        tag = uuid.uuid4().hex[:8]
        payload = {
            "name": name or f"Agente {tag}",
            "email": f"agent-{tag}@e2e.example",
            "role": role,
            "departmentIds": list(department_ids),
            "password": f"senha-{tag}-segura",
        }
        if language:
            payload["language"] = language
        agent = self.api("POST", "/agents", payload)
        return {**agent, "password": payload["password"]}

    def ticket(self, id_or_number) -> dict:
        return self.api("GET", f"/tickets/{id_or_number}")

    def messages(self, ticket_id: str) -> list[dict]:
        return self.api("GET", f"/tickets/{ticket_id}/messages")["data"]


def _parse_login(output: str) -> tuple[str, str]:
    password = re.search(r"^\s+password:\s+(\S+)\s*$", output, re.MULTILINE)
    token = re.search(r"^\s+API token:\s+(blc_\S+)\s*$", output, re.MULTILINE)
    if not (password and token):
        raise RuntimeError(f"seed-demo printed no admin login:\n{output}")
    return password.group(1), token.group(1)


def _server_environment(base_url: str) -> dict:
    env = dict(os.environ)
    for key in ("BALCAO_DATA_DIR", "BALCAO_HOST", "BALCAO_PORT"):
        env.pop(key, None)  # flags below say where; BALCAO_DATABASE_URL/SCHEMA pass through as the runner set them
    env["BALCAO_DEFAULT_LANGUAGE"] = "pt-BR"
    env["BALCAO_PUBLIC_URL"] = base_url
    env["BALCAO_DEMAND_INTERVAL"] = "5"  # spike checks every 5 s, so a burst's alert shows within a test
    return env


def _wait_healthy(process: subprocess.Popen, base_url: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"balcao serve exited with {process.returncode}:\n{log.read_text()[-4000:]}")
        try:
            with urllib.request.urlopen(base_url + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(pages.POLL)
    raise RuntimeError(f"balcao serve did not answer /healthz in {START_TIMEOUT} s:\n{log.read_text()[-4000:]}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=STOP_GRACE)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def desk():
    """Seeds a fresh demo desk, serves it on a free loopback port, and stops the server afterwards."""
    if not os.access(BINARY, os.X_OK):
        pytest.exit(f"{BINARY} is missing: build first (scripts/test builds it)", returncode=1)
    label = database_label()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    data_dir = Path(tempfile.mkdtemp(prefix=f"balcao-e2e-{label}-"))
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = _server_environment(base_url)
    process = None
    try:
        # The working directory stays the repository: the server finds Resources/Views and Public there.
        seeded = subprocess.run(
            [str(BINARY), "seed-demo", "--data-dir", str(data_dir)], cwd=ROOT, env=env, capture_output=True,
            text=True, timeout=SEED_TIMEOUT)
        (ARTIFACTS / f"seed-{label}.log").write_text(seeded.stdout + seeded.stderr)
        if seeded.returncode != 0:
            raise RuntimeError(f"seed-demo failed ({seeded.returncode}):\n{seeded.stdout}\n{seeded.stderr}")
        password, token = _parse_login(seeded.stdout)

        log = ARTIFACTS / f"server-{label}.log"
        with open(log, "w") as log_file:
            process = subprocess.Popen(
                [str(BINARY), "serve", "--data-dir", str(data_dir), "--host", "127.0.0.1", "--port", str(port)],
                cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT)
        _wait_healthy(process, base_url, log)

        running = Desk(base_url=base_url, admin_email=ADMIN_EMAIL, admin_password=password, token=token,
                       label=label)
        running.admin_id = running.api("GET", "/agents/me")["id"]
        yield running
    finally:
        if process is not None:
            _stop(process)
        shutil.rmtree(data_dir, ignore_errors=True)


def _new_driver(lang: str) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    arguments = ["--headless=new", "--window-size=1366,900", "--disable-gpu", f"--lang={lang}"]
    if os.geteuid() == 0:
        arguments.append("--no-sandbox")
    for argument in arguments:
        options.add_argument(argument)
    # --lang alone does not set Accept-Language in headless mode; the preference does.
    options.add_experimental_option("prefs", {"intl.accept_languages": lang})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    return driver


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def _failed(node) -> bool:
    return any(getattr(getattr(node, f"rep_{when}", None), "failed", False) for when in ("setup", "call"))


def _save_artifacts(driver, stem: str) -> None:
    try:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(ARTIFACTS / f"{stem}.png"))
        (ARTIFACTS / f"{stem}.html").write_text(driver.page_source)
        console = driver.get_log("browser")
        (ARTIFACTS / f"{stem}.console.txt").write_text(
            "\n".join(f"{entry['level']} {entry['message']}" for entry in console))
    except Exception as error:  # a crashed browser must not hide the test's own failure
        print(f"could not save artifacts for {stem}: {error}")


@pytest.fixture
def browser(request, desk):
    """Makes headless Chromium sessions: `browser()` or `browser(lang="en")`. All quit at teardown; on failure
    each leaves a screenshot, its HTML and its console log in tests/e2e/artifacts/."""
    drivers: list[webdriver.Chrome] = []

    def make(lang: str = "pt-BR") -> webdriver.Chrome:
        driver = _new_driver(lang)
        drivers.append(driver)
        return driver

    yield make

    failed = _failed(request.node)
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{desk.label}-{request.node.name}")
    for index, driver in enumerate(drivers):
        try:
            if failed:
                _save_artifacts(driver, f"{stem}-{index}")
        finally:
            driver.quit()


@pytest.fixture
def signed_in(desk, browser):
    """`signed_in(email=None, password=None, lang="pt-BR")`: a new browser signed in through the login form
    (the admin by default), on the page the login lands on."""

    def sign_in(email: str | None = None, password: str | None = None, lang: str = "pt-BR"):
        driver = browser(lang)
        pages.sign_in(driver, desk.base_url, email or desk.admin_email, password or desk.admin_password)
        pages.wait_signed_in(driver)
        return driver

    return sign_in
