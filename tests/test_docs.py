"""The README stays true: its test command is what CI runs, and the files it shows exist."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ci_runs_the_readme_test_command():
    """.ci/run contains the README's test command verbatim."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Run the tests", 1)[1]
    command = re.search(r"```bash\n(.+?)\n```", section, re.S).group(1).strip()
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_images_and_links_exist():
    """Every screenshot and document the README links to is in the repository."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(((?:docs|assets)/[^)#]+)\)", readme)
    assert len(targets) >= 10
    missing = [t for t in targets if not (ROOT / t).exists()]
    assert missing == []


def test_safe_rich_text_loads_nothing(qapp):
    """The comparison panel's browser refuses every resource (no remote images or styles)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    from viewer.ui.safe_browser import SafeBrowser

    browser = SafeBrowser()
    assert browser.loadResource(QTextDocument.ResourceType.ImageResource, QUrl("http://example.org/x.png")) is None
    assert not browser.openLinks() and not browser.openExternalLinks()


def test_printing_paints_the_handout_on_a_printer(tmp_path, content, qapp):
    """The print path renders the same page on a QPrinter (here one that writes a PDF)."""
    from PySide6.QtPrintSupport import QPrinter

    from viewer.atlas.plan import Plan
    from viewer.ui.handout import print_handout

    plan = Plan("Print test")
    plan.add("LI4")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    print_handout(content, plan, printer)
    data = (tmp_path / "printed.pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20000
