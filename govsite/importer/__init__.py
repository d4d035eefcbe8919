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
"""
