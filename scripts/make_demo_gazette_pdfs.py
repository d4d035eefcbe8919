#!/usr/bin/env python3
"""Generate the full-issue PDFs of the demo gazette 《示例县人民政府公报》 deterministically.

All documents are fictional: 示例县 and every organization, document, figure and
appointment in them are invented for the govsite demo site.

Usage::

    python scripts/make_demo_gazette_pdfs.py            # writes the PDFs, updates `pages:`
    python scripts/make_demo_gazette_pdfs.py --check    # verify PDFs and `pages:` are up to date

Which issues get a PDF is read from the content: every ``content/gazette/<YYYY>/<NN>/issue.yaml``
with a ``pdf`` field.

* An issue with a text layer is typeset from its articles: page 1 is the cover,
  page 2 the table of contents, and every article starts on a new page with its
  title, 文号 and text. An article linked to a disclosure item (``item:``) has no
  text of its own, so the text of the item (``content/items/**``) is printed —
  one copy of the text, in the item. The page range of each article in the PDF is
  written back into the ``pages:`` field of its Markdown file, so the site links
  to the right page (``--check`` reports a stale ``pages:`` too).
* A scan-only issue (``scan_only: true``) is an image-only PDF without a text
  layer: its pages, the "print" of which exists only in :data:`SCANS` below, are
  rendered into images with Pillow and embedded with fpdf2, so that no text can
  be extracted. Its articles have keyed TOC metadata only (``text_source: none``).

Requirements: ``fpdf2``, ``Pillow`` and ``PyYAML`` (pip), and a CJK font
(``fonts-noto-cjk``: /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc).
Output is byte-identical on every run: the creation date is the issue date,
metadata are fixed. The font is subset without hinting (about 10 % smaller);
a CJK glyph still costs about 200 bytes, so an issue PDF stays under 80 KB only
while it uses fewer than about 380 distinct characters — keep the issues that
get a PDF short.
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timezone, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
GAZETTE_DIR = CONTENT / "gazette"
ITEMS_DIR = CONTENT / "items"

FONT_CANDIDATES = [
    # (path, collection index) — index 2 of the Noto CJK collections is the SC (简体) face.
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
]
MAX_BYTES = 80_000
"""Size budget of one issue PDF."""
BEIJING = timezone(timedelta(hours=8))
AUTHOR = "示例县人民政府（虚构演示）"
CREATOR = "govsite scripts/make_demo_gazette_pdfs.py"
FRONT = re.compile(r"\A---\n(.*?)\n---\n?(.*)\Z", re.S)


# ---------------------------------------------------------------------------------------------
# Scanned issues: the printed pages, as they would appear on paper (fictional)
# ---------------------------------------------------------------------------------------------

SCANS: dict[str, dict] = {
    "2024/10": {
        "cover_note": "创刊号",
        # article number -> its pages; each page is a list of paragraphs; a paragraph that is a
        # tuple is (style, text) with style "title", "docno", "right".
        "articles": {
            1: [
                [("title", "示例县人民政府关于创办《示例县人民政府公报》的通知"),
                 ("docno", "示政发〔2024〕18号"),
                 "各乡镇人民政府，县政府各部门，各有关单位：",
                 "为深入推进政务公开，提高政府工作透明度，方便人民群众及时、准确、全面了解县人民政府的"
                 "政策措施，根据《国务院办公厅关于做好政府公报工作的通知》精神，经县人民政府研究，决定创办"
                 "《示例县人民政府公报》。现将有关事项通知如下：",
                 "一、刊物定位。《示例县人民政府公报》是县人民政府主办的政府出版物，由县人民政府办公室"
                 "负责编辑出版，刊登的文件与正式文件具有同等效力。",
                 "二、刊登内容。主要刊登县人民政府令，县人民政府及县人民政府办公室制发的规范性文件和其他"
                 "重要文件，县政府部门制发的规范性文件，政策解读以及县人民政府人事任免事项等。",
                 "三、出版安排。公报为月刊，每月中旬出版，2024年10月出版创刊号。公报同步在县人民政府门户"
                 "网站发布电子版，电子版与纸质版内容一致。",
                 "四、报送要求。县政府各部门制发的规范性文件，应当在发布之日起7日内将正式文本及电子文本"
                 "报送县人民政府办公室，由其按规定刊登。"],
                ["五、赠阅范围。公报免费赠阅各乡镇、县直各单位、各村（社区）和县图书馆、档案馆等公共"
                 "查阅场所。",
                 ("right", "示例县人民政府"),
                 ("right", "2024年9月26日")],
            ],
            2: [
                [("title", "示例县人民政府办公室关于做好2024—2025年度森林防灭火工作的通知"),
                 ("docno", "示政办发〔2024〕24号"),
                 "各乡镇人民政府，县政府有关部门：",
                 "根据气象部门预测，今冬明春我县降水偏少，森林火险等级偏高。为切实做好2024—2025年度森林"
                 "防灭火工作，经县人民政府同意，现就有关事项通知如下：",
                 "一、2024年10月15日至2025年4月30日为全县森林防火期。防火期内，禁止在林区野外用火。",
                 "二、各乡镇要落实护林员巡山护林责任，在重点路口设立检查站，严格管控进山人员和火源。",
                 "三、县森林消防专业队和各乡镇半专业扑火队要加强值班备勤，确保发现火情快速处置。",
                 "四、防火期内实行24小时值班和领导带班制度，发生火情及时报告。",
                 ("right", "示例县人民政府办公室"),
                 ("right", "2024年10月9日")],
            ],
        },
    },
}


# ---------------------------------------------------------------------------------------------
# Content
# ---------------------------------------------------------------------------------------------

@dataclass
class Article:
    path: Path
    number: int
    meta: dict
    body: str
    """Markdown text printed in the PDF: the article's own, or that of its linked item."""


@dataclass
class IssueDoc:
    folder: Path
    meta: dict
    gazette: dict
    articles: list[Article] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.meta['year']}/{self.folder.name}"

    @property
    def label(self) -> str:
        m = self.meta
        if m.get("special"):
            return f"{m['year']}年{m.get('special_label', '增刊')}第{m['number']}期"
        return f"{m['year']}年第{m['number']}期"

    @property
    def date(self) -> date:
        d = self.meta["date"]
        return d if isinstance(d, date) else date.fromisoformat(str(d))

    @property
    def sections(self) -> list[str]:
        return self.meta.get("sections") or self.gazette["sections"]


def _split(text: str, where: Path) -> tuple[dict, str]:
    m = FRONT.match(text.replace("\r\n", "\n"))
    if not m:
        sys.exit(f"{where}: no YAML front matter")
    return yaml.safe_load(m.group(1)) or {}, m.group(2)


def load_items() -> dict[str, tuple[dict, str]]:
    """索引号 -> (front matter, body) of every disclosure item."""
    items = {}
    for path in sorted(ITEMS_DIR.rglob("*.md")):
        fm, body = _split(path.read_text(encoding="utf-8"), path)
        if fm.get("index_no"):
            items[str(fm["index_no"])] = (fm, body)
    return items


def load_issues() -> list[IssueDoc]:
    """The issues that have a PDF, with their articles in number order."""
    gazette = yaml.safe_load((GAZETTE_DIR / "gazette.yaml").read_text(encoding="utf-8"))
    items = load_items()
    issues = []
    for path in sorted(GAZETTE_DIR.glob("*/*/issue.yaml")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not meta.get("pdf"):
            continue
        issue = IssueDoc(path.parent, meta, gazette)
        for md in sorted(path.parent.glob("*.md"), key=lambda p: int(p.stem)):
            fm, body = _split(md.read_text(encoding="utf-8"), md)
            if fm.get("item"):
                if fm["item"] not in items:
                    sys.exit(f"{md}: item {fm['item']} not found under content/items")
                body = items[fm["item"]][1]
            issue.articles.append(Article(md, int(md.stem), fm, body))
        issues.append(issue)
    return issues


def pages_text(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"


def set_pages(article: Article, pages: str, write: bool) -> bool:
    """Update ``pages:`` in the article's front matter; True when it was stale."""
    if str(article.meta.get("pages")) == pages:
        return False
    if write:
        text = article.path.read_text(encoding="utf-8")
        head, sep, rest = text.partition("\n---\n")
        line = f'pages: "{pages}"'
        if re.search(r"^pages:.*$", head, re.M):
            head = re.sub(r"^pages:.*$", line, head, count=1, flags=re.M)
        else:
            head += "\n" + line
        article.path.write_text(head + sep + rest, encoding="utf-8")
    return True


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


# ---------------------------------------------------------------------------------------------
# Markdown → blocks (the small subset the demo texts use)
# ---------------------------------------------------------------------------------------------

DATE_LINE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")


def _inline(text: str) -> str:
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return text.replace("**", "").replace("\\", "").strip()


def blocks(markdown: str) -> list[tuple[str, object]]:
    """(kind, value): ("h2"|"h3"|"p"|"right"|"center", text) or ("table", rows)."""
    out: list[tuple[str, object]] = []
    for chunk in re.split(r"\n\s*\n", markdown.strip()):
        lines = [ln.rstrip() for ln in chunk.split("\n") if ln.strip()]
        if not lines:
            continue
        if all(ln.lstrip().startswith("|") for ln in lines):
            rows = []
            for ln in lines:
                cells = [_inline(c) for c in ln.strip().strip("|").split("|")]
                if all(re.fullmatch(r":?-{2,}:?", c.replace(" ", "")) for c in cells):
                    continue
                rows.append(cells)
            out.append(("table", rows))
            continue
        if lines[0].startswith("#"):
            level = len(lines[0]) - len(lines[0].lstrip("#"))
            out.append(("h2" if level <= 2 else "h3", _inline(lines[0].lstrip("#"))))
            lines = lines[1:]
        if re.match(r"^(\d+\.|[-*])\s", lines[0] if lines else ""):
            for ln in lines:  # one paragraph per list item
                out.append(("p", _inline(re.sub(r"^[-*]\s+", "· ", ln))))
        elif lines:
            out.append(("p", _inline("".join(ln.strip() for ln in lines))))
    # signature: a date line and the short organization name just before it are set flush right
    for i, (kind, text) in enumerate(out):
        if kind == "p" and DATE_LINE.match(str(text)):
            out[i] = ("right", text)
            if i and out[i - 1][0] == "p" and len(str(out[i - 1][1])) <= 20 and not re.search(r"[，。：；]", str(out[i - 1][1])):
                out[i - 1] = ("right", out[i - 1][1])
        elif kind == "p" and (str(text).startswith("——") or re.fullmatch(r"（[^（）]*通过）", str(text))):
            out[i] = ("center", text)
    return out


# ---------------------------------------------------------------------------------------------
# PDF helpers (fpdf2)
# ---------------------------------------------------------------------------------------------

def _font() -> tuple[str, int]:
    for path, index in FONT_CANDIDATES:
        if Path(path).is_file():
            return path, index
    sys.exit("No CJK font found: install fonts-noto-cjk (NotoSansCJK-Regular.ttc).")


def _subset_without_hinting() -> None:
    """Drop CFF hints when fpdf2 subsets the font: ~10 % smaller files, same glyphs."""
    try:
        from fontTools import subset as ftsubset
        import fpdf.output as fpdf_output
    except ImportError:  # pragma: no cover
        return
    if getattr(fpdf_output, "ftsubset", None) is not ftsubset or getattr(ftsubset.Options, "_govsite", False):
        return

    class Options(ftsubset.Options):
        _govsite = True

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.hinting = False
            self.desubroutinize = True

    fpdf_output.ftsubset = type("ftsubset", (), {"Options": Options, "Subsetter": ftsubset.Subsetter})


def _creation(issue: IssueDoc) -> datetime:
    d = issue.date
    return datetime(d.year, d.month, d.day, 9, 0, tzinfo=BEIJING).astimezone(timezone.utc)


def _new_pdf(issue: IssueDoc, running_head: bool):
    from fpdf import FPDF

    head = f"{issue.gazette['name']}　{issue.label}"

    class Pdf(FPDF):
        def header(self) -> None:
            if running_head and self.page_no() > 1:
                self.set_font("cjk", size=9)
                self.set_y(10)
                self.cell(0, 6, head, align="C")
                self.line(self.l_margin, 17, self.w - self.r_margin, 17)
                self.set_y(22)

        def footer(self) -> None:
            if running_head and self.page_no() > 1:
                self.set_y(-15)
                self.set_font("cjk", size=9)
                self.cell(0, 8, f"— {self.page_no()} —", align="C")

    pdf = Pdf(format="A4")
    path, index = _font()
    pdf.add_font("cjk", fname=path, collection_font_number=index)
    cum = issue.meta.get("cumulative_number")
    pdf.set_title(f"{issue.gazette['name']} {issue.label}" + (f"（总第{cum}期）" if cum else ""))
    pdf.set_author(AUTHOR)
    pdf.set_subject("政府公报（演示用虚构内容）")
    pdf.set_creator(CREATOR)
    pdf.set_lang("zh-CN")
    pdf.set_creation_date(_creation(issue))
    pdf.set_margins(22, 22, 22)
    pdf.set_auto_page_break(True, 22)
    return pdf


def _para(pdf, text: str, size: float = 11, align: str = "L", gap: float = 2, lh: float = 7) -> None:
    from fpdf.enums import WrapMode

    pdf.set_font("cjk", size=size)
    pdf.multi_cell(0, lh, text, align=align, new_x="LMARGIN", new_y="NEXT", wrapmode=WrapMode.CHAR)
    pdf.ln(gap)


def _table(pdf, rows: list[list[str]]) -> None:
    from fpdf.fonts import FontFace

    if not rows:
        return
    ncols = max(len(r) for r in rows)
    rows = [r + [""] * (ncols - len(r)) for r in rows]
    weights = [min(max(5, max(len(r[i]) for r in rows) + 2), 26) for i in range(ncols)]
    pdf.set_font("cjk", size=9)
    heading = FontFace(emphasis="", fill_color=(232, 232, 232))
    with pdf.table(col_widths=weights, text_align="LEFT", line_height=6, headings_style=heading,
                   wrapmode="CHAR") as table:
        for row in rows:
            r = table.row()
            for cell in row:
                r.cell(cell)
    pdf.ln(3)


def _cover(pdf, issue: IssueDoc) -> None:
    m = issue.meta
    pdf.add_page()
    pdf.set_draw_color(160, 0, 0)
    pdf.set_line_width(1.2)
    pdf.line(22, 30, pdf.w - 22, 30)
    pdf.set_y(48)
    _para(pdf, issue.gazette["name"], size=30, align="C", lh=16, gap=6)
    label = issue.label
    _para(pdf, label, size=18, align="C", lh=10)
    parts = [f"第{m['volume']}卷"] if m.get("volume") else []
    if m.get("cumulative_number"):
        parts.append(f"总第{m['cumulative_number']}期")
    if parts:
        _para(pdf, "　".join(parts), size=12, align="C")
    _para(pdf, f"{cn_date(issue.date)}出版", size=12, align="C", gap=6)
    pdf.line(22, pdf.get_y(), pdf.w - 22, pdf.get_y())
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.2)
    pdf.set_y(-40)
    _para(pdf, "示例县人民政府主办　　示例县人民政府办公室编辑", size=10, align="C", gap=0)
    _para(pdf, "（govsite 演示用虚构内容）", size=9, align="C", gap=0)


def _toc_entries(pdf, toc: list[tuple[str, str, int, str]]) -> None:
    """Sections, then each title with its page number flush right and its 文号 below."""
    from fpdf.enums import WrapMode

    section = None
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for sec, title, page, doc_no in toc:
        if sec != section:
            section = sec
            pdf.ln(2)
            _para(pdf, f"【{sec}】", size=12, gap=1)
        pdf.set_font("cjk", size=11)
        y0 = pdf.get_y()
        pdf.set_x(pdf.l_margin + 4)
        pdf.multi_cell(width - 20, 7, title, new_x="LMARGIN", new_y="NEXT", wrapmode=WrapMode.CHAR)
        y1 = pdf.get_y()
        link = pdf.add_link(page=page) if page else None
        pdf.set_xy(pdf.w - pdf.r_margin - 14, y1 - 7)
        pdf.cell(14, 7, str(page) if page else "", align="R")
        if doc_no:
            pdf.set_font("cjk", size=10)
            pdf.set_xy(pdf.l_margin + 4, y1)
            pdf.cell(width - 20, 6, f"（{doc_no}）")
            y1 += 6
        if link:
            pdf.link(pdf.l_margin, y0, width, y1 - y0, link)
        pdf.set_xy(pdf.l_margin, y1 + 2)


def _typeset(issue: IssueDoc, pages: dict[int, tuple[int, int]] | None):
    """Build the PDF; returns (pdf, {article number: (first page, last page)})."""
    pdf = _new_pdf(issue, running_head=True)
    _cover(pdf, issue)
    pdf.start_section("封面")
    pdf.add_page()
    pdf.start_section("目录")
    _para(pdf, "目　　录", size=18, align="C", lh=10, gap=4)
    order = issue.sections
    toc = []
    for art in sorted(issue.articles, key=lambda a: a.number):
        first = pages[art.number][0] if pages else 0
        toc.append((art.meta["section"], art.meta["title"], first, art.meta.get("doc_no") or ""))
    if [order.index(s) for s, *_ in toc] != sorted(order.index(s) for s, *_ in toc):
        sys.exit(f"{issue.key}: articles are not numbered in table-of-contents order")
    _toc_entries(pdf, toc)
    if pdf.page_no() != 2:
        sys.exit(f"{issue.key}: the table of contents does not fit on one page")
    found: dict[int, tuple[int, int]] = {}
    for art in issue.articles:
        pdf.add_page()
        first = pdf.page_no()
        pdf.start_section(art.meta["title"])
        _para(pdf, art.meta["title"], size=16, align="C", lh=9, gap=1)
        if art.meta.get("doc_no"):
            _para(pdf, art.meta["doc_no"], size=11, align="C", gap=1)
        pdf.ln(4)
        for kind, value in blocks(art.body):
            if kind == "table":
                _table(pdf, value)  # type: ignore[arg-type]
            elif kind == "h2":
                pdf.ln(1)
                _para(pdf, str(value), size=13, lh=8)
            elif kind == "h3":
                _para(pdf, str(value), size=12, lh=8)
            elif kind == "right":
                _para(pdf, str(value), align="R", gap=0)
            elif kind == "center":
                _para(pdf, str(value), align="C")
            else:
                _para(pdf, str(value))
        found[art.number] = (first, pdf.page_no())
    return pdf, found


def make_text_pdf(issue: IssueDoc) -> tuple[bytes, dict[int, str]]:
    _pdf, pages = _typeset(issue, None)  # first pass: where does each article start?
    pdf, again = _typeset(issue, pages)
    assert again == pages, "page layout changed between passes"
    return bytes(pdf.output()), {n: pages_text(*p) for n, p in pages.items()}


# ---------------------------------------------------------------------------------------------
# Scanned issue: pages drawn into images (no text layer)
# ---------------------------------------------------------------------------------------------

DPI = 100
PAGE_PX = (round(210 / 25.4 * DPI), round(297 / 25.4 * DPI))


def _pil_font(size: int):
    from PIL import ImageFont

    path, index = _font()
    return ImageFont.truetype(path, size, index=index)


def _wrap(text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for ch in text:
        if font.getlength(line + ch) > width and line:
            if ch in "，。、；：）》”":  # keep closing punctuation on the line
                line += ch
                continue
            lines.append(line)
            line = ch
        else:
            line += ch
    if line:
        lines.append(line)
    return lines


def _scan_page(paragraphs: list, page_no: int, angle: float):
    """One scanned page: black text on white, slightly rotated, 1 bit per pixel."""
    from PIL import Image, ImageDraw

    img = Image.new("L", PAGE_PX, 255)
    draw = ImageDraw.Draw(img)
    margin, y = 92, 96
    width = PAGE_PX[0] - 2 * margin
    for para in paragraphs:
        style, text = para if isinstance(para, tuple) else ("p", para)
        if style == "space":
            y += 60
            continue
        if style == "cover-title":
            font = _pil_font(46)
        elif style in ("title",):
            font = _pil_font(24)
        elif style in ("cover-label",):
            font = _pil_font(26)
        else:
            font = _pil_font(17)
        step = round(font.size * 1.75)
        if style == "toc":  # (title, page): title wrapped, page number flush right on its last line
            text, page = text
            lines = _wrap(text, font, width - 60)
            draw.text((PAGE_PX[0] - margin - font.getlength(page), y + (len(lines) - 1) * step), page,
                      font=font, fill=0)
        else:
            lines = _wrap(text, font, width) if style in ("p", "title") else [text]
        for i, line in enumerate(lines):
            w = font.getlength(line)
            if style in ("title", "docno", "cover-title", "cover-label", "center"):
                x = (PAGE_PX[0] - w) / 2
            elif style == "right":
                x = PAGE_PX[0] - margin - w - 20
            elif style == "p" and i == 0:
                x = margin + 2 * font.size  # two-character 公文 indent
            else:
                x = margin
            draw.text((x, y), line, font=font, fill=0)
            y += step
        if style == "rule":
            draw.line((margin, y, PAGE_PX[0] - margin, y), fill=0, width=3)
            y += 24
        y += 6 if style == "p" else 10
    if page_no > 1:
        font = _pil_font(15)
        label = f"— {page_no} —"
        draw.text(((PAGE_PX[0] - font.getlength(label)) / 2, PAGE_PX[1] - 70), label, font=font, fill=0)
    img = img.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    return img.point(lambda v: 255 if v > 150 else 0).convert("1")


def make_scan_pdf(issue: IssueDoc) -> tuple[bytes, dict[int, str]]:
    scan = SCANS.get(issue.key)
    if scan is None:
        sys.exit(f"{issue.key}: scan_only issue without page texts in SCANS")
    pages: dict[int, str] = {}
    page = 2
    for number, art_pages in sorted(scan["articles"].items()):
        pages[number] = pages_text(page, page + len(art_pages) - 1)
        page += len(art_pages)
    titles = {a.number: a.meta for a in issue.articles}
    cum = issue.meta.get("cumulative_number")
    cover = [("cover-title", issue.gazette["name"]),
             ("cover-label", f"{issue.label}" + (f"（总第{cum}期）" if cum else "")),
             ("center", scan.get("cover_note", "")),
             ("center", f"{cn_date(issue.date)}出版"),
             ("rule", ""),
             ("center", "目　　录")]
    for number in sorted(scan["articles"]):
        meta = titles.get(number, {})
        cover.append(("toc", (meta.get("title", ""), pages[number].split("-")[0])))
        if meta.get("doc_no"):
            cover.append(("plain", f"（{meta['doc_no']}）"))
    cover += [("space", ""), ("center", "示例县人民政府主办　示例县人民政府办公室编辑")]
    images = [_scan_page(cover, 1, 0.3)]
    n = 1
    for number, art_pages in sorted(scan["articles"].items()):
        for paragraphs in art_pages:
            n += 1
            images.append(_scan_page(paragraphs, n, -0.4 if n % 2 else 0.25))
    pdf = _new_pdf(issue, running_head=False)
    pdf.set_subject("政府公报扫描件（演示用虚构内容，无文字层）")
    pdf.set_auto_page_break(False)
    for img in images:
        pdf.add_page()
        pdf.image(img, x=0, y=0, w=pdf.w, h=pdf.h)
    return bytes(pdf.output()), pages


# ---------------------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only verify that the files are up to date")
    args = parser.parse_args()
    _subset_without_hinting()
    stale: list[str] = []
    for issue in load_issues():
        data, pages = (make_scan_pdf if issue.meta.get("scan_only") else make_text_pdf)(issue)
        rel = str(issue.meta["pdf"])
        path = CONTENT / rel
        if len(data) > MAX_BYTES:
            print(f"warning: content/{rel} is {len(data)} bytes (budget {MAX_BYTES})", file=sys.stderr)
        for art in issue.articles:
            want = pages.get(art.number)
            if want is None:
                stale.append(f"{art.path.relative_to(ROOT)} (not in the PDF)")
            elif set_pages(art, want, write=not args.check):
                if args.check:
                    stale.append(f"{art.path.relative_to(ROOT)} (pages: {want})")
                else:
                    print(f"pages: {want:<7} {art.path.relative_to(ROOT)}")
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(f"content/{rel}")
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
        print(f"{len(data):>7}  content/{rel}")
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
