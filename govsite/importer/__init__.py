"""``govsite import items``: bring disclosure items over from legacy CMS exports.

The import reads a CSV or JSON Lines file, maps every record to item front
matter, validates *all* records, and only then writes item files (and new
organizations). Modules:

- :mod:`records`: read CSV/JSONL into numbered records with canonical field names;
- :mod:`dates`: lenient date parsing (2019-01-27, 2019/1/27, 2019年1月27日 …);
- :mod:`values`: theme, genre, validity, keyword and column values;
- :mod:`html_clean`, :mod:`html_tables`, :mod:`html2md`: legacy HTML to Markdown;
- :mod:`orgs`: issuer matching and placeholder organizations;
- :mod:`mapping`: one record to front matter plus body;
- :mod:`plan`: duplicates, 索引号 assignment and file paths;
- :mod:`run`: orchestration and reporting.

``govsite import gazette`` (one JSON file per issue) and ``govsite import
gazette-pdf`` (an issue from its PDF) bring 政府公报 issues into
``content/gazette/``, with the same all-or-nothing rule:

- :mod:`gazette_source`: the checked issue both read into, fingerprints, ``source.json``;
- :mod:`gazette_json`: read and check an import file (problems name the JSON path of the key),
  with typed values from :mod:`json_values`;
- :mod:`gazette_pdf`: the PDF's text layer as a full-text article, or a scan-only issue;
- :mod:`gazette_plan`: existing issues, organizations, what to write; :mod:`gazette_config`:
  gazette.yaml (刊期, sections); :mod:`gazette_files`: one issue's validated file texts;
- :mod:`gazette_run`: orchestration, writing with roll-back, reporting.
"""
