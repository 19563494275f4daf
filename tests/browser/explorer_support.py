"""What the browser tests share: paths, window sizes and helpers that wait
for, read and photograph the explorer's pages (conftest.py starts the
server and Chromium)."""
import datetime
import os
import pathlib

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(os.environ.get("ANNALS_SOURCE_DIR",
                                   pathlib.Path(__file__).resolve().parents[2]))
CLI = os.environ.get("ANNALS_CLI", str(ROOT / "build" / "tools" / "annals"))
SHOTS = ROOT / "out" / "screenshots"
SCRIPT = "<script>alert(1)</script>"
LAPTOP = (1366, 900)
PHONE = (390, 844)


def width(driver, size):
    """Sets the viewport (not the window) to size, as a phone or laptop would."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": size[0], "height": size[1], "deviceScaleFactor": 1,
        "mobile": size[0] < 600})


def shot(driver, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    view = driver.execute_script("return [window.innerWidth, window.innerHeight]")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": view[0], "height": min(max(height, view[1]), 2400),
        "deviceScaleFactor": 1, "mobile": view[0] < 600})
    driver.save_screenshot(str(SHOTS / f"{name}.png"))
    width(driver, view)


def wait(driver, css, count=1):
    WebDriverWait(driver, 10).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, css)) >= count)
    return driver.find_elements(By.CSS_SELECTOR, css)


def no_alert(driver):
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text


def lane_labels(driver, predicate):
    lane = driver.find_element(By.CSS_SELECTOR, f'g.lane[data-predicate="{predicate}"]')
    return {b.find_element(By.CSS_SELECTOR, ".bar-label").get_attribute("textContent"):
            b.get_attribute("data-state")
            for b in lane.find_elements(By.CSS_SELECTOR, "g.bar")}


def set_slider(driver, slider_id, day):
    days = (datetime.date.fromisoformat(day) - datetime.date(1970, 1, 1)).days
    driver.execute_script(
        "const s = document.getElementById(arguments[0]);"
        "s.value = arguments[1]; s.dispatchEvent(new Event('input'));", slider_id, days)


def held(driver):
    return [[td.text for td in tr.find_elements(By.TAG_NAME, "td")]
            for tr in driver.find_elements(By.CSS_SELECTOR, "#holding tbody tr")]
