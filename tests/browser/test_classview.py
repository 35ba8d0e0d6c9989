"""The class view's page in a real browser, through the hub's own login: the room's answers appear and update,
the reveal puts the model's value on the chart, and the counts export (tests/delivery/test_classview_hub.py
starts the hub with docs/jupyterhub.md's recipe)."""
import pytest

from ..delivery.test_classview_hub import ACCESS, NB, hub, request  # noqa: F401 - the hub fixture
from .conftest import ARTIFACTS, assert_no_outside_requests, axe_violations, loopback_context, serious_or_worse

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def post(room, name, question, kind, value):
    status, reply, _ = request(room["service"] + "api/answers", room["token"](name, [ACCESS]),
                               {"notebook": NB, "question": question, "kind": kind, "value": value})
    assert status == 200, reply


def test_the_facilitator_page_shows_the_room_and_updates_live(browser, hub):  # noqa: F811 - the fixture
    for name, v in (("p1", 2.0), ("p2", 2.0), ("p3", 3.5)):
        post(hub, name, "pf_30_to_90", "prediction", v)
    post(hub, "p1", "units", "choice", 0)
    context = loopback_context(browser, {"width": 1280, "height": 720})
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(hub["service"])  # the hub's login, its OAuth (no confirmation page), then the class view
        page.fill("input[name=username]", "coach")
        page.fill("input[name=password]", "any")
        page.click("input[type=submit], button[type=submit]")
        page.wait_for_url(hub["service"])
        card = page.locator("section.card[data-question='03_patellofemoral_load/pf_30_to_90']")
        card.wait_for()
        assert card.get_attribute("data-n") == "3" and "3 learners answered" in card.inner_text()
        assert card.locator("rect.bar").count() == 8 and "model" not in card.inner_text()
        # a fourth learner commits a prediction: the chart follows within a poll or two
        post(hub, "p4", "pf_30_to_90", "prediction", 2.5)
        page.wait_for_function("() => document.querySelector(\"section.card[data-question="
                               "'03_patellofemoral_load/pf_30_to_90']\").dataset.n === '4'", timeout=10_000)
        # the facilitator reveals: the model's value appears on the chart, for everyone looking at it
        card = page.locator("section.card[data-question='03_patellofemoral_load/pf_30_to_90']")
        card.get_by_role("button", name="reveal the answer").click()
        page.wait_for_function("() => [...document.querySelectorAll('text.model')].some(t => "
                               "t.textContent.startsWith('model 2.45'))", timeout=10_000)
        page.locator("select#notebook").select_option(NB)  # shown as "module 3 · patellofemoral load"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "classview.png"))
        with page.expect_download() as download:
            page.get_by_role("link", name="export counts (CSV)").click()
        csv_text = open(download.value.path(), encoding="utf-8").read()
        assert "03_patellofemoral_load,pf_30_to_90,prediction,2,2," in csv_text and "p1" not in csv_text
        bad = serious_or_worse(axe_violations(page))
        assert not bad, f"accessibility: {bad}"
        assert_no_outside_requests(context)
    finally:
        context.close()
