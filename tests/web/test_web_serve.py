"""web/serve.py: the demo page server names the Rasa server it is given."""
from __future__ import annotations

import urllib.request

from browser_harness import WEB_DIR, serving_web, web_serve


def test_index_names_the_given_rasa_server():
    page = web_serve.page_with_server("http://127.0.0.1:6123").decode("utf-8")
    assert 'data-server="http://127.0.0.1:6123"' in page
    assert page.count("data-server=") == 1, "only the widget's script tag may carry data-server"


def test_rasa_url_cannot_break_out_of_the_attribute():
    page = web_serve.page_with_server('http://x"><script>alert(1)</script>').decode("utf-8")
    assert "<script>alert(1)</script>" not in page
    assert 'data-server="http://x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in page


def test_without_rasa_url_the_file_is_served_as_written():
    with serving_web(rasa_url=None) as site:
        with urllib.request.urlopen(site.base + "/index.html") as response:
            served = response.read()
            assert response.headers["Cache-Control"] == "no-store"
    assert served == (WEB_DIR / "index.html").read_bytes()
