"""Reading CSV and JSON Lines exports into numbered records."""
from __future__ import annotations

from pathlib import Path

import pytest

from govsite.importer.records import ImportFileError, canonical_field, normalize_header, read_records

from importer_helpers import HEADER_ZH, csv_text, jsonl_text


ROW = ["", "关于某事的通知", "测政办发〔2019〕1号", "县政府办", "2019年1月20日", "2019/1/27", "综合政务\\政务公开",
       "通知", "有效", "春节，值班", "概述", "<p>正文</p>", "http://old.test.gov.cn/a.html", "gfxwj"]


@pytest.mark.parametrize("bom", [True, False])
def test_csv_with_and_without_bom(tmp_path: Path, bom: bool) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + csv_text(HEADER_ZH, [ROW]).encode("utf-8"))
    result = read_records(path)
    assert result.fmt == "csv"
    assert result.unknown_columns == []
    [record] = result.records
    assert (record.number, record.line) == (1, 2)
    assert record.values["index_no"] == ""
    assert record.values["title"] == "关于某事的通知"
    assert record.values["theme"] == "综合政务\\政务公开"
    assert record.values["body_html"] == "<p>正文</p>"
    assert record.values["url"] == "http://old.test.gov.cn/a.html"


def test_header_cells_with_spaces_and_alternative_labels(tmp_path: Path) -> None:
    header = [" 索 引 号 ", "名称 ", "发文字号", "发文机关", "发文日期", "公开日期：", "标　　题", "关键词", "Publish Date"]
    path = tmp_path / "x.csv"
    path.write_text(csv_text(header, [["A/1", "名称值", "文号值", "机关", "2019-01-01", "2019-01-02", "", "k", ""]]),
                    encoding="utf-8")
    values = read_records(path).records[0].values
    assert values["index_no"] == "A/1"
    assert values["title"] == "名称值"  # 名称 and 标题 both mean title; the first non-empty wins
    assert values["doc_no"] == "文号值"
    assert values["issuer"] == "机关"
    assert values["written_date"] == "2019-01-01"
    assert values["publish_date"] == "2019-01-02"
    assert values["keywords"] == "k"


def test_multiline_cells_are_one_record_and_numbering_counts_data_rows(tmp_path: Path) -> None:
    rows = [["", "标题一", "", "", "", "2019-01-01", "", "", "", "", "", "<p>第一段</p>\n<p>第二段</p>", "", ""],
            [""] * len(HEADER_ZH),
            ["", "标题二", "", "", "", "2019-01-02", "", "", "", "", "", "", "", ""]]
    path = tmp_path / "x.csv"
    path.write_text(csv_text(HEADER_ZH, rows), encoding="utf-8")
    records = read_records(path).records
    assert [(r.number, r.line, r.values["title"]) for r in records] == [(1, 2, "标题一"), (2, 5, "标题二")]


def test_unknown_columns_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("标题,发布日期,备注,点击量\n甲,2019-01-01,x,3\n", encoding="utf-8")
    assert read_records(path).unknown_columns == ["备注", "点击量"]


def test_extra_cells_make_a_record_error(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("标题,发布日期\n甲,2019-01-01,多余\n", encoding="utf-8")
    [record] = read_records(path).records
    assert record.error == "extra_cells"
    assert record.error_params == {"value": "多余"}


def test_semicolon_and_tab_separated(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("标题;发布日期\n甲;2019-01-01\n", encoding="utf-8")
    (tmp_path / "b.tsv").write_text("标题\t发布日期\n乙\t2019-01-01\n", encoding="utf-8")
    assert read_records(tmp_path / "a.csv").records[0].values["title"] == "甲"
    assert read_records(tmp_path / "b.tsv").records[0].values["title"] == "乙"


def test_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(
        jsonl_text([{"title": "甲", "publish_date": "2019-01-01", "keywords": ["a", "b"], "index_no": 123, "点击量": 5}])
        + "\n"
        + '{"标题": "乙", "发布日期": null}\n'
        + "{broken\n"
        + "[1, 2]\n"
        + '{"title": {"nested": 1}}\n',
        encoding="utf-8",
    )
    result = read_records(path)
    assert result.fmt == "jsonl"
    assert result.unknown_columns == ["点击量"]
    first, second, broken, array, nested = result.records
    assert first.values == {"title": "甲", "publish_date": "2019-01-01", "keywords": ["a", "b"], "index_no": "123"}
    assert (second.number, second.values) == (3, {"title": "乙", "publish_date": None})
    assert (broken.number, broken.error) == (4, "bad_json")
    assert array.error == "not_object"
    assert nested.error == "bad_value" and nested.error_params["field"] == "title"


def test_format_is_sniffed_for_unknown_extensions(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text('{"title": "甲"}\n', encoding="utf-8")
    (tmp_path / "b.txt").write_text("标题\n乙\n", encoding="utf-8")
    (tmp_path / "c.ndjson").write_text('{"title": "丙"}\n', encoding="utf-8")
    assert read_records(tmp_path / "a.txt").fmt == "jsonl"
    assert read_records(tmp_path / "b.txt").fmt == "csv"
    assert read_records(tmp_path / "c.ndjson").records[0].values["title"] == "丙"


def test_file_errors(tmp_path: Path) -> None:
    (tmp_path / "gbk.csv").write_bytes("标题,发布日期\n甲,2019-01-01\n".encode("gbk"))
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    (tmp_path / "nohead.csv").write_text("foo,bar\n1,2\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as exc:
        read_records(tmp_path / "gbk.csv")
    assert exc.value.reason == "encoding"
    for name in ("empty.csv", "nohead.csv"):
        with pytest.raises(ImportFileError) as exc:
            read_records(tmp_path / name)
        assert exc.value.reason == "no_header"


def test_header_normalisation() -> None:
    assert normalize_header(" 标　　题： ") == "标题"
    assert normalize_header("Publish Date") == "publish_date"
    assert canonical_field("BODY_HTML") == "body_html"
    assert canonical_field("原网址") == "url"
    assert canonical_field("legacy_url") == "url"
    assert canonical_field("点击量") is None


def test_a_json_array_is_refused_with_how_to_convert_it(tmp_path: Path) -> None:
    """A CMS's JSON export (one array) was read as a CSV file without a header."""
    (tmp_path / "export.json").write_text('[\n {"标题": "甲", "发布日期": "2024-03-05"}\n]\n', encoding="utf-8")
    (tmp_path / "export.txt").write_text('[{"title": "甲"}]', encoding="utf-8")
    for name in ("export.json", "export.txt"):
        with pytest.raises(ImportFileError) as exc:
            read_records(tmp_path / name)
        assert exc.value.reason == "json_array"
