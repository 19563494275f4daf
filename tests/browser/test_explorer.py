"""Browser tests of the web explorer of `annals serve` (docs/explorer.md):
what its pages show. Headless Chromium through Selenium (Debian's chromium,
chromium-driver and python3-selenium; conftest.py starts it and the
server). Each test writes screenshots under out/screenshots/.

  ANNALS_CLI=build/tools/annals /usr/bin/python3 -m pytest -q tests/browser
"""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from explorer_support import (LAPTOP, PHONE, SCRIPT, held, lane_labels, no_alert,
                              set_slider, shot, wait, width)


def test_entity_timelines_and_sliders(server, driver):
    width(driver, LAPTOP)
    driver.get(server + "/entity/Russia")
    wait(driver, 'g.lane[data-predicate="pipeline_gas_to_china"] g.bar', 2)
    assert lane_labels(driver, "pipeline_gas_to_china") == {
        "48 bcm/yr": "holds", "56 bcm/yr": "holds"}
    # Incoming claims have lanes of their own; provenance is in each bar's <title>.
    assert wait(driver, 'g.lane[data-predicate="← president_of"]')
    title = driver.execute_script(
        "return document.querySelector('g.lane[data-predicate=\"pipeline_gas_to_china\"]"
        " g.bar title').textContent")
    assert "source: seed-article" in title and "recorded: 2025-09-03" in title
    # A retracted claim is drawn (dashed, struck through) but never holds.
    assert lane_labels(driver, "capital") == {"Petrograd": "retracted"}
    assert driver.execute_script(
        "return getComputedStyle(document.querySelector("
        "'g.lane[data-predicate=\"capital\"] .bar-label')).textDecorationLine") == "line-through"
    shot(driver, "entity_laptop")

    set_slider(driver, "at-slider", "2025-06-01")
    assert driver.find_element(By.ID, "at-slider-value").text == "2025-06-01"
    assert lane_labels(driver, "pipeline_gas_to_china") == {
        "48 bcm/yr": "holds", "56 bcm/yr": "not-held"}
    gas = [row for row in held(driver) if row[1] == "pipeline_gas_to_china"]
    assert [row[2] for row in gas] == ["48 bcm/yr"]
    assert not [row for row in held(driver) if row[1] == "capital"]
    shot(driver, "entity_at_laptop")

    # As recorded by 2025-09-01 the article's claims were not yet known.
    set_slider(driver, "as-of-slider", "2025-09-01")
    assert lane_labels(driver, "pipeline_gas_to_china") == {
        "48 bcm/yr": "unrecorded", "56 bcm/yr": "unrecorded"}
    assert not [row for row in held(driver) if row[1] == "pipeline_gas_to_china"]
    assert [row[2] for row in held(driver) if row[1] == "member_of"] == [
        "Shanghai Cooperation Organisation"]
    driver.find_element(By.ID, "at-slider-reset").click()
    driver.find_element(By.ID, "as-of-slider-reset").click()
    assert held(driver) == []
    assert lane_labels(driver, "pipeline_gas_to_china")["56 bcm/yr"] == "holds"

    # A click on a bar shows its provenance; its entity value links to its page.
    driver.find_element(By.CSS_SELECTOR, 'g.lane[data-predicate="member_of"] g.bar').click()
    link = wait(driver, "#details a.entity")[-1]
    assert link.text == "Shanghai Cooperation Organisation"
    assert link.get_attribute("href").endswith("/entity/Shanghai%20Cooperation%20Organisation")


def type_statement(driver, text):
    box = wait(driver, "#statement")[0]
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE)
    box.send_keys(text)
    return box


def test_query_page_runs_and_highlights(server, driver):
    width(driver, LAPTOP)
    driver.get(server + "/query")
    box = type_statement(driver, "FIND ?x WHERE Russia pipeline_gas_to_china ?x")
    keywords = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".highlight .tok-keyword")]
    assert keywords == ["FIND", "WHERE"]
    assert [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".tok-variable")] == ["?x", "?x"]
    box.send_keys(Keys.CONTROL, Keys.ENTER)
    rows = wait(driver, "table.result tbody tr")
    assert [r.text for r in rows] == ["56 bcm/yr"]
    assert driver.find_element(By.CSS_SELECTOR, ".view").text == "valid now, as currently recorded"
    # The AT field is the statement's default view.
    driver.find_element(By.ID, "query-at").send_keys("2024-06-01")
    driver.find_element(By.ID, "run").click()
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.CSS_SELECTOR, ".view").text.startswith("valid at 2024-06-01"))
    assert [r.text for r in driver.find_elements(By.CSS_SELECTOR, "table.result tbody tr")] == [
        "48 bcm/yr"]
    assert "q=FIND" in driver.current_url and "at=2024-06-01" in driver.current_url
    driver.find_element(By.ID, "query-at").clear()

    # Entity cells link to their page; a click walks there.
    type_statement(driver, 'FIND ?c WHERE ?c member_of "Shanghai Cooperation Organisation" '
                           'ORDER BY ?c LIMIT 3')
    driver.find_element(By.ID, "run").click()
    WebDriverWait(driver, 10).until(
        lambda d: "3 rows" in d.find_element(By.CSS_SELECTOR, ".view-line").text)
    links = driver.find_elements(By.CSS_SELECTOR, "table.result td a.entity")
    assert len(links) == 3
    shot(driver, "query_laptop")
    first = links[0].text
    links[0].click()
    WebDriverWait(driver, 10).until(lambda d: "/entity/" in d.current_url)
    assert wait(driver, "h1")[0].text == first


def test_query_error_shows_a_caret(server, driver):
    width(driver, LAPTOP)
    driver.get(server + "/query")
    type_statement(driver, "FIND ?what WHERE Russia signed ?what\nFILTER ?wat = 1")
    driver.find_element(By.ID, "run").click()
    place = wait(driver, ".error-place")[0].text.split("\n")
    message = driver.find_element(By.CSS_SELECTOR, ".error-message").text
    assert "?wat" in message
    assert place[0].startswith("line 2, column 8")
    assert place[1] == "FILTER ?wat = 1"
    assert place[2] == "       ^"  # under the ? of ?wat
    assert not driver.find_elements(By.CSS_SELECTOR, "table.result")
    shot(driver, "query_error_laptop")


def test_script_value_shows_as_text(server, driver):
    width(driver, LAPTOP)
    driver.get(server + "/entity/Russia")
    bar = wait(driver, 'g.lane[data-predicate="motto"] .bar-label')[0]
    assert bar.text == SCRIPT
    assert bar.find_elements(By.CSS_SELECTOR, "*") == []
    assert driver.execute_script("return document.scripts.length") == 1
    no_alert(driver)
    shot(driver, "script_value_laptop")
    driver.get(server + "/query?q=" + "FIND%20%3Fm%20WHERE%20Russia%20motto%20%3Fm")
    cell = wait(driver, "table.result tbody td")[0]
    assert cell.text == SCRIPT
    assert driver.execute_script("return document.scripts.length") == 1
    no_alert(driver)


def test_graph_neighbourhood_and_path(server, driver):
    width(driver, LAPTOP)
    driver.get(server + "/graph/Russia?at=2025-09-02")
    nodes = wait(driver, "g.node", 5)
    assert driver.find_element(By.CSS_SELECTOR, "g.node.center").get_attribute("data-name") == "Russia"
    names = {n.get_attribute("data-name") for n in nodes}
    assert {"Vladimir Putin", "Shanghai Cooperation Organisation"} <= names
    labels = {e.text for e in driver.find_elements(By.CSS_SELECTOR, ".edge-label")}
    assert any("member_of" in label for label in labels)

    driver.find_element(By.ID, "path-to").send_keys("Mongolia")
    driver.find_element(By.ID, "draw").click()
    hops = wait(driver, "#path-list li", 1)
    assert "path_to=Mongolia" in driver.current_url
    assert hops[-1].text.split(" ")[-2] == "Mongolia" or "Mongolia" in hops[-1].text
    assert len(driver.find_elements(By.CSS_SELECTOR, "line.edge.path")) == len(hops)
    assert driver.find_element(By.CSS_SELECTOR, 'g.node[data-name="Mongolia"]')
    shot(driver, "graph_laptop")

    # A click on a node walks to it, keeping the time.
    driver.find_element(By.CSS_SELECTOR, 'g.node[data-name="Vladimir Putin"] circle').click()
    WebDriverWait(driver, 10).until(lambda d: "/graph/Vladimir%20Putin" in d.current_url)
    assert "at=2025-09-02" in driver.current_url
    center = wait(driver, "g.node.center")[0]
    assert center.get_attribute("data-name") == "Vladimir Putin"


@pytest.mark.parametrize("page,ready", [
    ("/entity/Russia", "g.bar"),
    ("/query?q=HISTORY%20Russia", "table.result tbody tr"),
    ("/graph/Russia?at=2025-09-02&path_to=Mongolia", "#path-list li"),
])
def test_phone_width_has_no_page_scroll(server, driver, page, ready):
    width(driver, PHONE)
    driver.get(server + page)
    wait(driver, ready)
    scroll, inner = driver.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]")
    assert inner == PHONE[0]
    assert scroll <= inner, f"{page}: the page is {scroll}px wide at {inner}px"
    name = page.strip("/").split("?")[0].split("/")[0]
    shot(driver, f"{name}_phone")
    no_alert(driver)
    width(driver, LAPTOP)


def test_unknown_name_links_the_nearest(server, driver):
    width(driver, LAPTOP)
    driver.get(server + "/entity/Rusia")
    link = wait(driver, ".notices a")[0]
    assert "unknown name 'Rusia'" in driver.find_element(By.CSS_SELECTOR, ".notices").text
    assert link.text == "Russia"
    link.click()
    wait(driver, 'g.lane[data-predicate="pipeline_gas_to_china"]')
    assert driver.current_url.endswith("/entity/Russia")


def test_month_precision_possibly_holds_inside_its_month(server, driver):
    width(driver, LAPTOP)
    driver.get(server + "/entity/China%E2%80%93Russia%20relations")
    wait(driver, 'g.lane[data-predicate="described_as"] g.bar', 4)
    # Said "this week" (2025-09): possibly on 2025-09-03, certainly in October.
    labels = lane_labels(driver, "described_as")
    assert "at their highest level in history · Xi Jinping" in labels
    set_slider(driver, "at-slider", "2025-09-03")
    assert set(lane_labels(driver, "described_as").values()) == {"possibly"}
    assert {row[4] for row in held(driver) if row[1] == "described_as"} == {"possible"}
    set_slider(driver, "at-slider", "2025-10-02")
    assert set(lane_labels(driver, "described_as").values()) == {"holds"}
    shot(driver, "entity_precision_laptop")
