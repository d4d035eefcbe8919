"""Helpers for the ``govsite import gazette`` / ``gazette-pdf`` tests: import files and generated PDFs."""
from __future__ import annotations

import copy
import io
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from govsite.importer.gazette_run import run_gazette_import, run_gazette_pdf_import

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "gazette"
CJK_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
WORD_HTML = (FIXTURES / "word_body.html").read_text(encoding="utf-8")

BASE_ISSUE: dict[str, Any] = {
    "gazette": "测试县人民政府公报",
    "year": 2016,
    "number": 1,
    "volume": 22,
    "cumulative_number": 301,
    "date": "2016-01-20",
    "pdf": "pdf/gb201601.pdf",
    "special": False,
    "editor": "县政府办公室编辑部",
    "sections": [
        {
            "title": "县政府文件",
            "print_order": 1,
            "articles": [
                {"title": "测试县人民政府关于印发《测试县政府投资项目管理办法》的通知", "doc_no": "测政发〔2016〕1号",
                 "issuer": "测试县人民政府", "written_date": "2016-01-04", "genre": "规范性文件",
                 "keywords": ["政府投资", "项目管理"], "pages": "3-5", "body_html": WORD_HTML, "body_md": None,
                 "source_url": "http://old.test.gov.cn/gb/2016/1/1.htm"},
                {"title": "测试县人民政府关于2016年春节放假的通知", "doc_no": "无", "issuer": "xzf",
                 "written_date": "2016年1月5日", "genre": "通知", "keywords": "节假日、放假", "pages": 6,
                 "body_html": None, "body_md": "各乡镇人民政府：\n\n春节放假安排如下。\n"},
            ],
        },
        {
            "title": "县政府办公室文件",
            "articles": [
                {"title": "测试县人民政府办公室关于做好2016年防汛工作的通知", "doc_no": "测政办发〔2016〕2号",
                 "issuer": "县政府办", "written_date": "2016/1/8", "genre": None, "keywords": [],
                 "pages": "7-8", "body_html": None, "body_md": None},
                {"title": "测试县发展和改革局关于公布政府投资项目目录的通知", "doc_no": "测发改〔2016〕3号",
                 "issuer": "测试县发展和改革局", "written_date": "2016-01-10", "genre": "通知", "keywords": [],
                 "pages": "9", "body_html": "<p>项目目录见附件。</p>", "body_md": None},
            ],
        },
    ],
}


def issue_data(**over: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE_ISSUE)
    data.update(over)
    return data


_PDF_CACHE: dict[tuple[Any, ...], bytes] = {}
"""Generated PDFs by their inputs (embedding the CJK font takes a while)."""


def text_pdf(path: Path, pages: list[str], created: datetime | None = datetime(2016, 1, 20, 2, 0, tzinfo=timezone.utc),
             ) -> Path:
    """A PDF with a real text layer in the CJK font, one string per page."""
    key = ("text", tuple(pages), created)
    path.parent.mkdir(parents=True, exist_ok=True)
    if key in _PDF_CACHE:
        path.write_bytes(_PDF_CACHE[key])
        return path
    _make_text_pdf(path, pages, created)
    _PDF_CACHE[key] = path.read_bytes()
    return path


def _make_text_pdf(path: Path, pages: list[str], created: datetime | None) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("noto", fname=CJK_FONT)
    pdf.set_font("noto", size=12)
    if created is not None:
        pdf.set_creation_date(created)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    pdf.output(str(path))
    if created is None:
        strip_metadata(path)


def image_pdf(path: Path, text: str = "测试县人民政府公报 扫描件") -> Path:
    """A PDF whose only content is a picture of text (a scan: no text layer)."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (800, 300), "white")
    draw = ImageDraw.Draw(image)
    draw.text((20, 100), text, fill="black", font=ImageFont.truetype(CJK_FONT, 40))
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    buf.seek(0)
    pdf = FPDF()
    pdf.set_creation_date(datetime(2016, 2, 1, 2, 0, tzinfo=timezone.utc))
    pdf.add_page()
    pdf.image(buf, x=10, y=10, w=190)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def strip_metadata(path: Path) -> None:
    """Rewrite a PDF without its document information (no CreationDate)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(str(path)))
    writer._info = None  # type: ignore[assignment]
    out = io.BytesIO()
    writer.write(out)
    path.write_bytes(out.getvalue())


class GazetteImporter:
    """Writes import files next to a generated PDF, runs the importers, captures output."""

    def __init__(self, site, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
        self.site = site
        self.folder = tmp_path / "export"
        self.folder.mkdir(exist_ok=True)
        self.capsys = capsys
        self.out = ""
        self.err = ""
        self.pdf = text_pdf(self.folder / "pdf" / "gb201601.pdf", ["测试县人民政府公报 2016年第1期"])

    def write(self, name: str, data: Any) -> Path:
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, indent=2)
        path.write_text(text, encoding="utf-8")
        return path

    def run(self, *paths: Path, lang: str = "zh") -> bool:
        self.capsys.readouterr()
        ok = run_gazette_import(self.site.root, list(paths), lang=lang)
        captured = self.capsys.readouterr()
        self.out, self.err = captured.out, captured.err
        return ok

    def run_pdf(self, pdf: Path, year: int, number: int, date: str | None = None, special: bool = False,
                lang: str = "zh") -> bool:
        self.capsys.readouterr()
        ok = run_gazette_pdf_import(self.site.root, pdf, year, number, date, special, lang=lang)
        captured = self.capsys.readouterr()
        self.out, self.err = captured.out, captured.err
        return ok

    def read(self, rel: str) -> str:
        return (self.site.root / rel).read_text(encoding="utf-8")
