"""Browser tests of the explorer under stress: answers that come in late
(after the reader has moved on), a malformed address, an answer the page
cannot draw, an entity too big to draw whole, a statement too long to
spread into one call. A gate replaces the page's fetch() so that the test
decides when an answer arrives (held) or what it is (stubbed).
"""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from explorer_support import LAPTOP, held, wait, width

# window.__gate: requests whose URL or body holds one of `hold` (each
# pattern once) wait until release() (see RELEASE); those whose URL holds a
# key of `stub` get that value as their JSON answer (status 500 when it has
# an `error`), handed over without a JSON text in between. Every held
# request is recorded with its AbortSignal.
GATE = """
const real = window.fetch.bind(window);
const gate = {hold: arguments[0], stub: arguments[1], held: []};
window.__gate = gate;
window.fetch = (input, init) => {
  const key = `${input} ${(init && init.body) || ''}`;
  for (const [pattern, body] of Object.entries(gate.stub)) {
    if (!key.includes(pattern)) continue;
    const status = body && body.error ? 500 : 200;
    return Promise.resolve({ok: status === 200, status, json: async () => body});
  }
  const i = gate.hold.findIndex((p) => key.includes(p));
  if (i < 0) return real(input, init);
  gate.hold.splice(i, 1);
  return new Promise((resolve, reject) => {
    const signal = init && init.signal;
    gate.held.push({key, signal, release: () => real(input, init).then(async (r) => {
      await r.clone().text();
      resolve(r);
    }, (e) => { reject(e); })});
  });
};
"""

# Lets every held request go (aborted ones fail as fetch() fails them),
# waits for their answers and a little for the page to act on them, and
# returns whether each request had been aborted.
RELEASE = """
const done = arguments[arguments.length - 1];
const held = window.__gate.held;
const aborted = held.map((h) => Boolean(h.signal && h.signal.aborted));
Promise.allSettled(held.map((h) => h.release())).then(
    () => setTimeout(() => done(aborted), 150));
"""


def gate(driver, hold=(), stub=None):
    driver.execute_script(GATE, list(hold), stub or {})


def held_count(driver):
    return driver.execute_script("return window.__gate.held.length")


def goto(driver, name):
    """Opens an entity through the box at the top (no page load)."""
    box = driver.find_element(By.ID, "goto-name")
    box.clear()
    box.send_keys(name, Keys.ENTER)


def text(driver, css):
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, css)]


def test_a_late_entity_answer_does_not_paint_over_the_next_page(server, driver):
    width(driver, LAPTOP)
    driver.get(server + "/entity/Mongolia")
    wait(driver, "g.bar")
    gate(driver, hold=["/api/entity/Russia"])
    goto(driver, "Russia")
    WebDriverWait(driver, 5).until(lambda d: held_count(d) == 1)
    goto(driver, "Vladimir Putin")
    wait(driver, "g.bar")
    assert text(driver, "h1") == ["Vladimir Putin"]
    aborted = driver.execute_async_script(RELEASE)
    assert text(driver, "h1") == ["Vladimir Putin"]
    assert driver.current_url.endswith("/entity/Vladimir%20Putin")
    assert not driver.find_elements(By.CSS_SELECTOR, 'g.lane[data-predicate="pipeline_gas_to_china"]')
    assert len(driver.find_elements(By.CSS_SELECTOR, "svg.timeline")) == 1
    assert not driver.find_elements(By.CSS_SELECTOR, ".error-box")
    assert aborted == [True]  # Russia's request was aborted when Putin's page began


def test_a_late_graph_answer_does_not_paint_over_a_newer_view(server, driver):
    width(driver, LAPTOP)
    driver.get(server + "/graph/Mongolia?at=2025-09-02")
    wait(driver, "g.node", 2)
    gate(driver, hold=["at=2024-01-01"])

    def draw_at(day):
        field = driver.find_element(By.ID, "graph-at")
        field.clear()
        field.send_keys(day)
        driver.find_element(By.ID, "draw").click()

    draw_at("2024-01-01")
    WebDriverWait(driver, 5).until(lambda d: held_count(d) == 1)
    draw_at("2020-01-01")
    WebDriverWait(driver, 5).until(lambda d: "2020-01-01" in " ".join(text(d, ".view-line")))
    aborted = driver.execute_async_script(RELEASE)
    lines = text(driver, ".view-line")
    assert len(lines) == 1 and "2020-01-01" in lines[0], lines
    assert len(driver.find_elements(By.CSS_SELECTOR, "svg.graph")) == 1
    assert "at=2020-01-01" in driver.current_url
    assert aborted == [True]


def test_only_the_newest_query_run_shows(server, driver):
    width(driver, LAPTOP)
    driver.get(server + "/query")
    box = wait(driver, "#statement")[0]
    gate(driver, hold=["AT 2024-06-01"])
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("FIND ?x WHERE Russia pipeline_gas_to_china ?x AT 2024-06-01")
    box.send_keys(Keys.CONTROL, Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: held_count(d) == 1)
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("FIND ?x WHERE Russia pipeline_gas_to_china ?x")
    box.send_keys(Keys.CONTROL, Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: text(d, "table.result tbody tr") == ["56 bcm/yr"])
    aborted = driver.execute_async_script(RELEASE)
    assert text(driver, "table.result tbody tr") == ["56 bcm/yr"]
    assert driver.find_element(By.ID, "run").is_enabled()
    assert aborted == [True]


def test_the_store_figures_failing_is_said(server, driver):
    width(driver, LAPTOP)
    driver.get(server + "/query")
    wait(driver, "#statement")
    gate(driver, stub={"/api/stats": {"error": {"message": "disk on fire"}}})
    driver.find_element(By.ID, "nav-query").click()
    WebDriverWait(driver, 5).until(lambda d: "disk on fire" in d.find_element(By.ID, "store-line").text)
    assert driver.find_element(By.ID, "store-line").text.startswith(
        "(The store's figures are unavailable: disk on fire.)")


def test_a_malformed_address_says_so(server, driver):
    width(driver, LAPTOP)
    for path in ("/entity/%E0%A4%A", "/graph/%ZZ?at=2025-09-02"):
        driver.get(server + path)
        message = wait(driver, ".error-box")[0].text
        assert f"Not a valid address: {path.split('?')[0]}" in message, message
        assert driver.title == "Not a valid address · Annals"
        assert driver.find_element(By.ID, "goto-name").is_displayed()  # the header is there


def test_an_answer_the_page_cannot_draw_is_reported(server, driver):
    width(driver, LAPTOP)
    driver.get(server + "/query")
    wait(driver, "#statement")
    gate(driver, stub={"/api/entity/Broken": {"claims": 5, "incoming": [], "notices": []}})
    goto(driver, "Broken")
    message = wait(driver, ".error-box")[0].text
    assert message.startswith("This page could not be drawn: TypeError"), message


# Stubs GET /api/entity/Huge with an entity of 30,000 claims (and 10,000
# naming it) in 6 predicates, each valid for a year from a day of its own:
# 160,000 valid times, more than Math.min(...) takes (Chromium's limit is
# about 125,000 arguments), more bars than a chart can hold.
HUGE = """
const claims = [];
const incoming = [];
const time = (t) => ({type: 'time', start: t, end: t + 86400, precision: 'day',
                      text: new Date(t * 1000).toISOString().slice(0, 10)});
for (let i = 0; i < 40000; i++) {
  const from = 946684800 + (i % 9000) * 86400;
  const about = i < 30000;
  const other = {type: 'entity', text: `E${i}`};
  const claim = {
    id: {type: 'claim', id: i + 1, text: `#c${i + 1}`},
    subject: about ? {type: 'entity', text: 'Huge'} : other,
    predicate: `p${i % 6}`,
    object: about ? {type: 'integer', text: String(i)} : {type: 'entity', text: 'Huge'},
    valid: {type: 'interval', from: time(from), to: time(from + 365 * 86400),
            text: '[...)'},
    source: 'generated', by: '', confidence: 1,
    recorded: time(1735689600 + (i % 300) * 86400), retracted: null, disputed_by: [],
  };
  (about ? claims : incoming).push(claim);
}
window.__gate.stub['/api/entity/Huge'] = {
    entity: {type: 'entity', text: 'Huge'}, claims, incoming, notices: [], disputes: null,
    view: 'all valid time, as currently recorded'};
"""


def test_a_huge_entity_is_drawn_in_part_and_says_so(server, driver):
    width(driver, LAPTOP)
    driver.get(server + "/query")
    wait(driver, "#statement")
    gate(driver)
    driver.execute_script(HUGE)
    goto(driver, "Huge")
    wait(driver, "#not-drawn")
    bars = driver.execute_script("return document.querySelectorAll('g.bar').length")
    assert 100 <= bars <= 1000
    note = driver.find_element(By.ID, "not-drawn").text
    assert f"{40000 - bars} of 40000 claims are not drawn" in note, note
    assert text(driver, "h1") == ["Huge"]
    mores = driver.execute_script(
        "return [...document.querySelectorAll('text.lane-more')].map((t) => t.textContent)")
    assert mores and all(m.endswith("more not drawn") for m in mores), mores
    # AT lists at most 500 of what held and counts the rest.
    driver.execute_script(
        "const s = document.getElementById('at-slider');"
        "s.value = Math.floor((946684800 + 4000 * 86400) / 86400);"
        "s.dispatchEvent(new Event('input'));")
    assert driver.execute_script("return document.querySelectorAll('#holding tbody tr').length") == 500
    assert driver.find_element(By.ID, "holding-more").text.startswith("and ")


def test_a_statement_of_many_tokens_is_highlighted(server, driver):
    width(driver, LAPTOP)
    driver.get(server + "/query")
    box = wait(driver, "#statement")[0]
    # Typed and counted in one go, then emptied: the page is never laid out
    # with it (that alone would take seconds).
    count = driver.execute_script(
        "const box = arguments[0]; box.value = '?x '.repeat(75000);"
        "box.dispatchEvent(new Event('input'));"
        "const count = document.querySelectorAll('.highlight .tok-variable').length;"
        "box.value = ''; box.dispatchEvent(new Event('input'));"
        "return count;", box)
    assert count == 75000  # 150,000 tokens: more than a call takes arguments


# An entity with a claim of the year 50 (which Date.UTC would read as
# 1950) and one from the year 300000 on (beyond what a JS Date holds).
FAR = """
const time = (start, text) => ({type: 'time', start, end: start + 86400, precision: 'day', text});
const year = 365.2425 * 86400;
const claim = (id, from, to, object) => ({
  id: {type: 'claim', id, text: `#c${id}`}, subject: {type: 'entity', text: 'Far'},
  predicate: 'era', object: {type: 'string', text: object},
  valid: {type: 'interval', from, to, text: '...'}, source: 'generated', by: '',
  confidence: 1, recorded: time(1735689600, '2025-01-01'), retracted: null, disputed_by: []});
const d = new Date(0);
d.setUTCFullYear(50, 2, 1);
const year50 = d.getTime() / 1000;
window.__gate.stub['/api/entity/Far'] = {
  entity: {type: 'entity', text: 'Far'}, notices: [], incoming: [], disputes: null, view: '',
  claims: [claim(1, time(year50, '0050-03-01'), time(year50 + 10 * year, '0060-03-01'), 'Rome'),
           claim(2, time((300000 - 1970) * year, '300000'), null, 'far future')]};
"""


def test_times_far_from_now_are_drawn(server, driver):
    width(driver, LAPTOP)
    driver.get(server + "/query")
    wait(driver, "#statement")
    gate(driver)
    driver.execute_script(FAR)
    goto(driver, "Far")
    assert len(wait(driver, "g.bar", 2)) == 2
    years = [int(tick) for tick in text(driver, "text.tick")]
    assert len(years) >= 3 and years == sorted(years) and years[-1] >= 250000, years
    slider = driver.find_element(By.ID, "at-slider")
    driver.execute_script("arguments[0].value = arguments[0].max;"
                          "arguments[0].dispatchEvent(new Event('input'));", slider)
    assert driver.find_element(By.ID, "at-slider-value").text.startswith("about ")
    assert [row[2] for row in held(driver)] == ["far future"]
    driver.execute_script("arguments[0].value = Math.floor(arguments[1] / 86400);"
                          "arguments[0].dispatchEvent(new Event('input'));",
                          slider, -60336835200)  # 0058-01-01
    assert driver.find_element(By.ID, "at-slider-value").text == "0058-01-01"
    assert [row[2] for row in held(driver)] == ["Rome"]
    assert not driver.find_elements(By.CSS_SELECTOR, ".error-box")


LONE_SURROGATE = r"/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/"


def test_a_long_name_is_cut_between_characters(server, driver):
    width(driver, LAPTOP)
    driver.get(server + "/query")
    wait(driver, "#statement")
    far = "a" + "\U0001D504" * 30  # an odd first unit, then 30 surrogate pairs
    gate(driver, stub={"/api/neighbourhood/Ring": {
        "nodes": [{"type": "entity", "text": far}], "attributes": [], "notices": [],
        "edges": [{"subject": {"type": "entity", "text": "Ring"}, "predicate": "p",
                   "object": {"type": "entity", "text": far}}],
        "view": "valid now, as currently recorded"}})
    driver.execute_script("history.pushState(null, '', '/graph/Ring');"
                          "dispatchEvent(new PopStateEvent('popstate'));")
    label = wait(driver, 'g.node:not(.center) .node-label')[0]
    shown = label.get_attribute("textContent")
    assert shown.endswith("…") and len(shown) < len(far), shown
    assert not driver.execute_script(f"return {LONE_SURROGATE}.test(arguments[0].textContent)",
                                     label)
    assert label.find_element(By.XPATH, "..").find_element(By.TAG_NAME, "title").get_attribute(
        "textContent") == far


def test_no_page_broke_the_content_security_policy(server, driver):
    # Run last (pytest keeps the file's order): every page above was drawn.
    logs = driver.get_log("browser")
    refused = [entry["message"] for entry in logs if "Content Security Policy" in entry["message"]]
    assert refused == []
