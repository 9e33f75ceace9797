"""Browser tests of the customer and employee portal (/help) against the served demo desk.

The demo prints one customer's and one employee's portal password when it is seeded; the tests read them back from
the seed log. Each test signs in with a fresh browser (cookies live per browser) and opens the requests it needs,
so the tests do not depend on each other or on their order. Portal pages follow the chosen language before the
account's own, so each session picks pt-BR first (the demo's language) unless the test is about languages.
"""

from __future__ import annotations

import os
import struct
import uuid
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

import pages
import portal_pages as portal

# What the demo holds (Sources/BalcaoStore/Demo/DemoHelpCenter.swift, DeskSetup.addDemoPortal) and what the portal
# says (Sources/BalcaoWeb/Localization/Strings+Portal.swift).
RETURNS_ARTICLE = "Trocas e devoluções em até 30 dias"
VPN_ARTICLE = "Como configurar a VPN no notebook"
ANNOUNCEMENT = {"pt-BR": "Manutenção programada no sábado", "en": "Scheduled maintenance on Saturday"}
SUPPORT = "Customer Support"
RETURN_SUBJECT = "Quero fazer a devolução do produto"
HERO = {"pt-BR": "Como podemos ajudar?", "en": "How can we help?"}
MY_REQUESTS = {"pt-BR": "Minhas solicitações", "pt-PT": "Os meus pedidos", "en": "My requests"}

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "e2e" / "artifacts"
SCREENSHOT_SIZE = (1366, 900)
PHONE_SIZE = (390, 844)


def tag() -> str:
    return uuid.uuid4().hex[:8]


def same_id(a: str | None, b: str | None) -> bool:
    return (a or "").lower() == (b or "").lower()


# --- fixtures --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def logins(desk):
    """The demo's portal logins: {"customer": Login, "employee": Login}."""
    return portal.demo_logins(desk.label)


@pytest.fixture
def portal_user(desk, browser, logins):
    """`portal_user(who="customer", language="pt-BR")`: a new browser signed in to the portal through its form,
    on the page signing in lands on. `language` is picked in the footer's switch first (None leaves the browser's
    and the account's)."""

    def sign_in(who: str = "customer", language: str | None = "pt-BR", lang: str = "pt-BR"):
        driver = browser(lang)
        if language:
            portal.pick_language(driver, desk.base_url, language)
        login = logins[who]
        portal.sign_in(driver, desk.base_url, login.email, login.password)
        portal.wait_signed_in(driver)
        return driver

    return sign_in


def open_new_request(driver, subject: str, body: str, department: str = SUPPORT) -> int:
    """Opens a request through the portal form as the signed-in user; returns its number."""
    portal.open_request_form(driver, department)
    portal.type_subject(driver, subject)
    return portal.send_request(driver, body)


# --- README screenshots ----------------------------------------------------------------------------------------


def _png_size(path: Path) -> tuple[int, int]:
    return struct.unpack(">II", path.read_bytes()[16:24])


def test_readme_screenshots(desk, browser, logins):
    """docs/screenshots/portal-{home,request}.png at 1366×900 with BALCAO_SCREENSHOTS=1; artifacts/ otherwise."""
    if os.environ.get("BALCAO_SCREENSHOTS") == "1":
        target, prefix = ROOT / "docs" / "screenshots", ""
    else:
        target, prefix = ARTIFACTS, f"{desk.label}-"
    target.mkdir(parents=True, exist_ok=True)

    driver = browser()
    portal.set_viewport(driver, *SCREENSHOT_SIZE)
    portal.pick_language(driver, desk.base_url, "pt-BR")
    portal.open_home(driver, desk.base_url)
    pages.present(driver, portal.NOTICE, "the home page shows no announcement")
    pages.fonts_loaded(driver)
    home_png = target / f"{prefix}portal-home.png"
    driver.save_screenshot(str(home_png))

    customer = logins["customer"]
    portal.sign_in(driver, desk.base_url, customer.email, customer.password)
    portal.wait_signed_in(driver)
    number = open_new_request(
        driver, RETURN_SUBJECT,
        "Comprei um fone de ouvido sem fio e ele chegou com o lado esquerdo mudo. Gostaria de devolver e receber "
        "o reembolso. O número do pedido é 2024-118734.")
    ticket = desk.ticket(number)
    answer = ("Olá! Sentimos muito pelo fone com defeito. Já enviamos a etiqueta de postagem para o seu e-mail; "
              "o reembolso sai em até 10 dias depois que o produto chegar até nós.")
    desk.api("POST", f"/tickets/{ticket['id']}/messages", {"kind": "reply", "body": answer})
    portal.open_request(driver, desk.base_url, number)
    portal.wait_thread_message(driver, answer, author="agent")
    pages.fonts_loaded(driver)
    request_png = target / f"{prefix}portal-request.png"
    driver.save_screenshot(str(request_png))

    assert _png_size(home_png) == SCREENSHOT_SIZE
    assert _png_size(request_png) == SCREENSHOT_SIZE


# --- signing in ------------------------------------------------------------------------------------------------


def test_a_customer_signs_in_with_the_demo_password_and_sees_the_announcement(desk, browser, logins):
    """A wrong password shows #signin-error; the demo password lands on My requests under the running banner."""
    customer = logins["customer"]
    driver = browser()
    portal.pick_language(driver, desk.base_url, "pt-BR")
    pages.click(driver, portal.SIGNIN_LINK)
    pages.until(driver, lambda d: portal.portal_path(d) == f"{portal.PORTAL}/signin",
                "#portal-signin-link did not open the sign-in page")

    portal.submit_sign_in(driver, customer.email, f"not-the-password-{tag()}")
    error = pages.visible(driver, portal.SIGNIN_ERROR, "a wrong password showed no #signin-error")
    assert error.text.strip(), "#signin-error is empty"
    assert portal.portal_path(driver) == f"{portal.PORTAL}/signin"
    assert not pages.exists(driver, portal.SIGNOUT), "a wrong password signed in"

    portal.submit_sign_in(driver, customer.email, customer.password)
    portal.wait_signed_in(driver)
    assert portal.portal_path(driver) == f"{portal.PORTAL}/requests", f"signed in on {pages.path(driver)}"
    assert driver.find_element(By.TAG_NAME, "h1").text.strip() == MY_REQUESTS["pt-BR"]
    assert portal.text_of(driver, portal.MY_REQUESTS_LINK) == MY_REQUESTS["pt-BR"]
    banner = pages.visible(driver, portal.NOTICE, "no announcement banner (.notice) after signing in")
    assert ANNOUNCEMENT["pt-BR"] in banner.text


# --- searching the help section --------------------------------------------------------------------------------


def test_search_finds_the_same_article_with_and_without_accents(desk, browser):
    driver = browser()
    portal.pick_language(driver, desk.base_url, "pt-BR")

    found = {}
    for query in ("devoluções", "devolucoes"):
        portal.search(driver, desk.base_url, query)
        listed = portal.results(driver)
        match = next((r for r in listed if r["title"] == RETURNS_ARTICLE), None)
        assert match, f"searching {query!r} listed {[r['title'] for r in listed]}, not {RETURNS_ARTICLE!r}"
        assert not pages.exists(driver, portal.SEARCH_EMPTY), f"searching {query!r} also showed #search-empty"
        found[query] = match["href"]
    assert len(set(found.values())) == 1, f"the two searches link different articles: {found}"


def test_employees_only_articles_are_found_by_employees_only(desk, browser, portal_user):
    """Searching VPN finds nothing for a visitor or a customer, and the employees-only VPN article for an employee."""

    def visitor():
        driver = browser()
        portal.pick_language(driver, desk.base_url, "pt-BR")
        return driver

    for who, start in (("a visitor", visitor), ("a customer", lambda: portal_user("customer"))):
        driver = start()
        portal.search(driver, desk.base_url, "VPN")
        pages.visible(driver, portal.SEARCH_EMPTY, f"searching VPN as {who} showed no #search-empty")
        assert not portal.results(driver), f"{who} found employees-only articles: {portal.results(driver)}"

    employee = portal_user("employee")
    portal.search(employee, desk.base_url, "VPN")
    titles = [r["title"] for r in portal.results(employee)]
    assert VPN_ARTICLE in titles, f"an employee searching VPN found {titles}"
    assert not pages.exists(employee, portal.SEARCH_EMPTY)


# --- requests --------------------------------------------------------------------------------------------------


def test_open_a_request_with_a_suggested_article_shown(desk, portal_user, logins):
    support = desk.department(SUPPORT)
    driver = portal_user()

    portal.open_request_form(driver, SUPPORT)
    portal.type_subject(driver, RETURN_SUBJECT)
    suggestion = portal.wait_suggestion(driver, RETURNS_ARTICLE)
    assert suggestion["target"] == "_blank", "a suggestion does not open in a new tab"
    assert "suggested=true" in suggestion["href"], f"a suggestion links {suggestion['href']} without ?suggested=true"

    body = f"O fone chegou com defeito e quero devolver. Pedido 2024-{tag()}."
    number = portal.send_request(driver, body)

    pages.visible(driver, portal.FLASH, "sending the request showed no #flash")
    assert RETURN_SUBJECT in portal.text_of(driver, portal.REQUEST_HEADING)
    portal.wait_thread_message(driver, body, author="contact")
    stored = desk.ticket(number)
    assert stored["channel"] == "portal", f"#{number} came in by {stored['channel']}"
    assert stored["subject"] == RETURN_SUBJECT
    assert same_id(stored["departmentId"], support["id"]), "the request is not in the department picked"
    requester = desk.api("GET", f"/contacts/{stored['requesterId']}")
    assert logins["customer"].email.lower() in [e.lower() for e in requester["emails"]]


def test_reply_then_rate_the_solved_request(desk, portal_user):
    driver = portal_user()
    number = open_new_request(driver, f"Troca de tamanho do tênis {tag()}", "O tênis ficou pequeno; quero o 41.")
    ticket = desk.ticket(number)

    portal.open_request(driver, desk.base_url, number)
    text = f"Esqueci de dizer: o pedido é o 2024-{tag()}."
    portal.reply(driver, text)
    portal.wait_thread_message(driver, text, author="contact")
    pages.visible(driver, portal.FLASH, "sending a reply showed no #flash")
    stored = desk.messages(ticket["id"])
    assert any(m["kind"] == "reply" and text in m["text"] for m in stored), "the reply was not stored"

    answer = f"Trocamos pelo 41; o novo par sai amanhã ({tag()})."
    desk.api("POST", f"/tickets/{ticket['id']}/messages", {"kind": "reply", "body": answer})
    desk.api("PATCH", f"/tickets/{ticket['id']}", {"status": "solved"})

    portal.open_request(driver, desk.base_url, number)
    assert portal.request_status(driver) == "solved", f"the page shows {portal.request_status(driver)!r}"
    portal.wait_thread_message(driver, answer, author="agent")
    pages.visible(driver, portal.RATING, "a solved request offers no rating (#rating)")
    assert not pages.exists(driver, portal.RATING_CURRENT), "an unrated request shows #rating-current"

    comment = f"Resolveram rápido, obrigado! ({tag()})"
    portal.rate(driver, "good", comment)

    current = pages.visible(driver, portal.RATING_CURRENT, "rating showed no #rating-current")
    assert current.text.strip(), "#rating-current is empty"
    assert driver.find_element(By.CSS_SELECTOR, "#rate-good").is_selected(), "the saved rating is not checked"
    assert comment in (driver.find_element(By.CSS_SELECTOR, portal.RATE_COMMENT).get_attribute("value") or "")
    events = desk.api("GET", f"/tickets/{ticket['id']}/events")["data"]
    rated = [e for e in events if e["field"] == "satisfaction"]
    assert rated, f"the history has no satisfaction event: {[e['field'] for e in events]}"
    assert rated[-1]["newValue"] == "good" and rated[-1]["actor"]["type"] == "contact"


def test_an_employee_gets_help_from_it_in_english_end_to_end(desk, portal_user):
    """An employee, in English: the IT form suggests the employees-only VPN article, the request reaches IT, the
    agent's answer shows, the employee marks it solved and rates it."""
    it = desk.department("IT")
    driver = portal_user(who="employee", language="en", lang="en")

    portal.open_request_form(driver, "IT")
    portal.type_subject(driver, "VPN keeps disconnecting on my laptop")
    portal.wait_suggestion(driver, "Setting up the VPN on your laptop")
    number = portal.send_request(driver, f"It drops every few minutes since yesterday ({tag()}).")
    stored = desk.ticket(number)
    assert same_id(stored["departmentId"], it["id"]), "the employee's request is not in IT"
    assert stored["channel"] == "portal"

    answer = f"Turn off power saving for the Wi-Fi adapter and reconnect ({tag()})."
    desk.api("POST", f"/tickets/{stored['id']}/messages", {"kind": "reply", "body": answer})
    desk.api("POST", f"/tickets/{stored['id']}/messages", {"kind": "note", "body": "Internal: check the AP logs."})
    portal.open_request(driver, desk.base_url, number)
    portal.wait_thread_message(driver, answer, author="agent")
    assert "Internal: check the AP logs." not in driver.page_source, "an internal note reached the portal"

    driver.find_element(By.CSS_SELECTOR, "#mark-solved").click()
    pages.wait(driver).until(lambda d: portal.request_status(d) == "solved")
    portal.rate(driver, "good", "Fixed, thanks!")
    pages.visible(driver, portal.RATING_CURRENT, "rating showed no #rating-current")
    assert "My requests" in driver.page_source
    assert desk.ticket(number)["status"] == "solved"


def test_a_suggested_article_that_solves_the_problem_needs_no_request(desk, portal_user):
    driver = portal_user()
    portal.open_request_form(driver, SUPPORT)
    portal.type_subject(driver, RETURN_SUBJECT)
    portal.wait_suggestion(driver, RETURNS_ARTICLE)

    portal.open_suggestion(driver, RETURNS_ARTICLE)
    assert pages.query_param(driver, "suggested") == "true"
    assert portal.text_of(driver, portal.ARTICLE_TITLE) == RETURNS_ARTICLE
    article_path = pages.path(driver)
    pages.click(driver, portal.ARTICLE_SOLVED)

    pages.until(driver, lambda d: portal.portal_path(d) == portal.PORTAL, "#article-solved did not land on the home")
    flash = pages.visible(driver, portal.FLASH, "#article-solved showed no #flash on the home")
    assert flash.text.strip(), "#flash is empty"

    # Read on its own (not from a suggestion), the article does not offer "this solved my problem".
    pages.go(driver, desk.base_url, article_path)
    pages.present(driver, portal.ARTICLE_TITLE)
    assert not pages.exists(driver, portal.ARTICLE_SOLVED), "an article read directly offers #article-solved"


# --- languages and small screens ------------------------------------------------------------------------------


def test_the_footer_switches_the_language(desk, browser, logins):
    driver = browser("pt-BR")
    portal.open_home(driver, desk.base_url)
    assert portal.text_of(driver, portal.HERO_TITLE) == HERO["pt-BR"]

    portal.click_language(driver, "en")
    assert portal.text_of(driver, portal.HERO_TITLE) == HERO["en"]
    assert ANNOUNCEMENT["en"] in portal.text_of(driver, portal.NOTICE)

    customer = logins["customer"]
    portal.sign_in(driver, desk.base_url, customer.email, customer.password)
    portal.wait_signed_in(driver)
    assert portal.text_of(driver, portal.MY_REQUESTS_LINK) == MY_REQUESTS["en"], "the chosen language did not stay"

    portal.click_language(driver, "pt-PT")
    assert portal.portal_path(driver) == f"{portal.PORTAL}/requests", "the language switch did not come back"
    assert portal.text_of(driver, portal.MY_REQUESTS_LINK) == MY_REQUESTS["pt-PT"]


def assert_fits_phone(driver, page: str) -> None:
    """No horizontal scroll at phone width, and the New request link is on screen."""
    measured = portal.widths(driver)
    limit = min(measured["inner"], PHONE_SIZE[0]) + 1
    assert measured["scroll"] <= limit, (
        f"{page} scrolls sideways on a phone: {measured}; too wide: {portal.wide_elements(driver)}")
    pages.visible(driver, portal.NEW_REQUEST_LINK, f"#new-request-link is hidden on {page}")
    assert portal.in_view_horizontally(driver, portal.NEW_REQUEST_LINK), f"#new-request-link is off screen on {page}"


def test_phone_sized_home_and_request_form_fit_the_screen(desk, browser, logins):
    driver = browser()
    portal.set_viewport(driver, *PHONE_SIZE, mobile=True)
    portal.pick_language(driver, desk.base_url, "pt-BR")
    portal.open_home(driver, desk.base_url)
    assert_fits_phone(driver, "the home page")

    customer = logins["customer"]
    portal.sign_in(driver, desk.base_url, customer.email, customer.password)
    portal.wait_signed_in(driver)
    portal.open_request_form(driver, SUPPORT)
    assert_fits_phone(driver, "the request form")
    portal.type_subject(driver, RETURN_SUBJECT)
    portal.wait_suggestion(driver, RETURNS_ARTICLE)
    assert_fits_phone(driver, "the request form with suggestions")
