"""``govsite init``: a minimal site that builds at once."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from govsite.identifiers import uscc_check_char
from govsite.dates import today_beijing

SITE_YAML = """\
# 网站配置 — see docs/content.md
name: {name}
base_url: https://www.example.gov.cn/
language: zh-CN
footer:
  host: {name}办公室
  contact:
    phone: 0000-0000000
    email: xxgk@example.gov.cn
    address: 请填写通讯地址
  site_id_code: "0000000000"      # 网站标识码（10位数字或 bm+8位数字）
  icp: 京ICP备00000000号            # ICP备案号
  psb: 京公网安备 00000000000000号    # 公安机关备案号
index_no:
  template: "{{org.code}}/{{year}}-{{seq:05d}}"
# 发布目标（govsite publish，见 docs/deploy.md）：rclone 远程名:路径，密钥只放在 rclone 配置中
# publish:
#   target: "oss:bucket/xxgk"
"""

ORGS_YAML = """\
# 公开主体 — see docs/content.md
- id: gov
  name: {name}
  short_name: 政府
  code: {code}
  kind: government
"""

GUIDE_MD = """\
---
title: 政府信息公开指南
column: xxgkzn
---
## 一、主动公开

请在此填写本机关主动公开政府信息的范围、形式和时限。

## 二、依申请公开

请在此填写申请方式、受理机构、办公地址、办公时间和联系电话。
"""

ITEM_MD = """\
---
index_no: {index_no}
title: 关于网站上线的公告
issuer: gov
written_date: "{today}"
publish_date: "{today} 09:00"
genre: 公告
columns: [qtxx]
summary: 本网站正式上线。
---
本网站正式上线，欢迎访问。
"""


def create_site(directory: Path, name: str) -> list[Path]:
    """Create the files of a new site; refuses a non-empty folder."""
    if directory.exists() and any(directory.iterdir()):
        raise FileExistsError(str(directory))
    body17 = "11000000" + "00000000" + "0"
    body17 = body17[:17]
    code = body17 + uscc_check_char(body17)
    today: date = today_beijing()
    files = {
        "site.yaml": SITE_YAML.format(name=name),
        "content/orgs.yaml": ORGS_YAML.format(name=name, code=code),
        "content/pages/zhinan.md": GUIDE_MD,
        f"content/items/gov/{today.year}/00001.md": ITEM_MD.format(index_no=f"{code}/{today.year}-00001", today=today.isoformat()),
        ".gitignore": "output/\noutput-report/\n.govsite-cache/\n",
    }
    created = []
    for rel, text in files.items():
        path = directory / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        created.append(path)
    return created
