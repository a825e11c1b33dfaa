"""The report as a browser shows it: headless Chromium renders it offline and fetches nothing from the network."""

import json
import subprocess
from pathlib import Path

import pytest
from PIL import Image

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium; the CI script installs it)",
)
# No first-run, sync, update or component traffic; every host name resolves to nothing, so a request that slips
# through fails instead of leaving the machine.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)


def chromium(profile: Path, page: Path, *args: str) -> str:
    """Run Chromium on `page` with `args`; its standard output."""
    done = subprocess.run(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=90,
        check=True,
    )
    return done.stdout


def page_requests(net_log: Path) -> list[str]:
    """URLs a page asked the network for, from Chromium's NetLog.

    file: and data: loads never reach the network stack. Chromium's own background requests (update checks,
    account probes) carry no initiator ("not an origin"); anything a page starts carries its origin.
    """
    text = net_log.read_text()
    if not text.rstrip().endswith("}"):  # a log cut short at exit lacks its closing brackets
        text = text.rstrip().rstrip(",") + "]}"
    log = json.loads(text)
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [
        event["params"]["url"]
        for event in log["events"]
        if event["type"] == start_job
        and "url" in event.get("params", {})
        and event["params"].get("initiator") != "not an origin"
    ]


def test_chromium_draws_the_report_offline_without_a_single_request(filled_report: Path, tmp_path: Path):
    shot, net_log = tmp_path / "shot.png", tmp_path / "net.json"
    chromium(
        tmp_path / "profile",
        filled_report,
        f"--screenshot={shot}",
        "--window-size=1280,2400",
        f"--log-net-log={net_log}",
    )
    assert shot.stat().st_size > 30_000
    with Image.open(shot) as image:
        assert image.size == (1280, 2400)
        assert len(image.convert("RGB").getcolors(maxcolors=1 << 20) or []) > 200  # charts, not a blank page
    assert page_requests(net_log) == []


def test_the_dom_chromium_builds_holds_the_charts(filled_report: Path, tmp_path: Path):
    dom = chromium(tmp_path / "profile", filled_report, "--dump-dom")
    for chart in ("subject_places_by_week", "articles_by_category", "places_map", "tone_by_week"):
        assert f'<img src="charts/{chart}.svg"' in dom
    assert "Which places did coverage of “Mali” mention most, by week?" in dom


def test_the_request_check_catches_a_page_that_fetches(tmp_path: Path):
    page = tmp_path / "fetches.html"
    page.write_text(
        '<img src="http://example.invalid/pixel.png"><link rel="stylesheet" href="https://x.invalid/a.css">'
    )
    net_log = tmp_path / "net.json"
    chromium(tmp_path / "profile", page, f"--log-net-log={net_log}", "--dump-dom")
    assert set(page_requests(net_log)) == {"http://example.invalid/pixel.png", "https://x.invalid/a.css"}
