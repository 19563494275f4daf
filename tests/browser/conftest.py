"""The browser tests' fixtures: `annals serve --port=0` on a temporary
store of datasets/sco2025 plus one claim whose value is
`<script>alert(1)</script>`, and headless Chromium through Selenium, both
started once for the whole run. When Chromium cannot start, the run exits
with code 77 (ctest: skipped) and says why; any other problem fails."""
import os
import re
import shutil
import subprocess
import tempfile

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service

from explorer_support import CLI, LAPTOP, ROOT, SCRIPT


@pytest.fixture(scope="session")
def server():
    tmp = tempfile.mkdtemp(prefix="annals-browser-")
    store = os.path.join(tmp, "sco.annals")
    data = ROOT / "datasets" / "sco2025"
    extra = os.path.join(tmp, "script.tsv")
    with open(extra, "w", encoding="utf-8") as f:
        f.write("subject\tpredicate\tobject\tobject_type\n")
        f.write(f"Russia\tmotto\t{SCRIPT}\tstring\n")
        f.write("Russia\tcapital\tPetrograd\tstring\n")
    for args in (["schema", store, str(data / "sco2025.schema")],
                 ["load", store, str(data / "claims.tsv")],
                 ["load", store, extra]):
        subprocess.run([CLI, *args], check=True, capture_output=True)
    # One retracted claim, for the AS OF slider.
    found = subprocess.run([CLI, "query", "--format=tsv", store,
                            "FIND ?c WHERE ?c: Russia capital ?x"],
                           check=True, capture_output=True, text=True).stdout
    claim = re.findall(r"#c\d+", found)
    assert len(claim) == 1, found
    subprocess.run([CLI, "query", store, f"RETRACT {claim[0]}"], check=True,
                   capture_output=True)
    proc = subprocess.Popen([CLI, "serve", "--port=0", "--quiet", store],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    match = re.search(r"http://[\d.]+:\d+", line)
    assert match, f"no URL in {line!r}: {proc.stderr.read() if proc.poll() is not None else ''}"
    yield match.group(0)
    proc.terminate()
    assert proc.wait(timeout=20) == 0
    shutil.rmtree(tmp)


@pytest.fixture(scope="session")
def driver():
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", f"--window-size={LAPTOP[0]},{LAPTOP[1]}"):
        options.add_argument(arg)
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    service = Service(executable_path=shutil.which("chromedriver")
                                      or "/usr/bin/chromedriver")
    try:
        browser = webdriver.Chrome(options=options, service=service)
    except (WebDriverException, OSError) as e:
        pytest.exit(f"SKIP: Chromium cannot start here ({str(e).splitlines()[0]})",
                    returncode=77)
    browser.set_script_timeout(20)
    yield browser
    browser.quit()
