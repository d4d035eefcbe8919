"""Deterministic synthetic corpus for govsite benchmarks.

Usage::

    python benchmarks/generate.py N OUTDIR [--seed S]

Writes a complete site folder (``site.yaml``, ``content/orgs.yaml``, a few
pages and N items under ``content/items/<org>/<year>/<seq:05d>.md``) for the
fictional 示例县. Everything comes from one seeded :class:`random.Random`, so the
same arguments always give a byte-identical corpus (file contents; not mtimes).

Items span 30 organizations (county government, its office, 24 departments,
4 townships), 2019–2026 (publish dates up to 2026-11-20), the default 法定
columns, themes, genres, 文号 on ~70%, validity variety and ~5% 政策解读 that
point to an earlier policy via ``interprets``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from govsite.identifiers import org_code_check_char, uscc_check_char

COUNTY = "示例县"
FIRST_YEAR, LAST_YEAR = 2019, 2026
END = datetime(2026, 11, 20, 17, 30)
"""Latest publish time: the corpus never has a future date for GOVSITE_TODAY >= 2026-11-20."""
MARKER = ".benchmark-corpus.json"
"""Written last into OUTDIR; records N and seed so runners can reuse the corpus."""

# --- organizations ----------------------------------------------------------------------------

# (id, name after 示例县, short name, 文号代字, theme codes, topics)
DEPARTMENTS: list[tuple[str, str, str, str, list[str], list[str]]] = [
    ("fgj", "发展和改革局", "县发改局", "示发改发", ["3.1", "3.2", "3.4", "3.6"], ["重大项目谋划储备", "价格监测预警", "以工代赈项目管理", "社会信用体系建设"]),
    ("jyj", "教育局", "县教育局", "示教发", ["11.2"], ["义务教育优质均衡发展", "学前教育普及普惠", "校园安全管理", "教师队伍建设"]),
    ("kgj", "科学技术和工业信息化局", "县科工局", "示科工发", ["11.1", "7.6"], ["科技创新平台建设", "中小企业数字化转型", "工业企业技术改造", "专精特新企业培育"]),
    ("gaj", "公安局", "县公安局", "示公发", ["16.1"], ["道路交通安全整治", "电信网络诈骗防范", "户籍管理便民服务", "社会治安防控体系建设"]),
    ("mzj", "民政局", "县民政局", "示民发", ["17.3", "17.4", "17.5"], ["最低生活保障", "特困人员救助供养", "养老服务体系建设", "社会组织管理"]),
    ("sfj", "司法局", "县司法局", "示司发", ["16.3"], ["公共法律服务体系建设", "人民调解", "法治政府建设", "普法宣传教育"]),
    ("czj", "财政局", "县财政局", "示财发", ["4.1"], ["预算绩效管理", "政府采购监督管理", "惠民惠农财政补贴资金管理", "国有资产管理"]),
    ("rsj", "人力资源和社会保障局", "县人社局", "示人社发", ["15.1", "15.2", "15.3"], ["高校毕业生就业创业", "城乡居民基本养老保险", "根治欠薪", "职业技能提升行动"]),
    ("zrj", "自然资源局", "县自然资源局", "示自然资发", ["5.1", "5.2", "10.1"], ["国土空间规划", "耕地保护", "不动产登记便民服务", "矿产资源开发管理"]),
    ("zjj", "住房和城乡建设局", "县住建局", "示住建发", ["10.2"], ["老旧小区改造", "农村危房改造", "建筑施工安全管理", "城市燃气安全"]),
    ("jtj", "交通运输局", "县交通运输局", "示交发", ["7.7", "7.8"], ["农村公路建设养护", "城乡客运一体化", "道路运输安全监管", "交通运输综合执法"]),
    ("slj", "水利局", "县水利局", "示水发", ["6.3", "5.3"], ["河湖长制", "农村饮水安全", "水土保持", "防汛抗旱"]),
    ("nyj", "农业农村局", "县农业农村局", "示农发", ["6.1"], ["高标准农田建设", "粮食生产", "农村人居环境整治", "动物疫病防控"]),
    ("swj", "商务局", "县商务局", "示商发", ["8.1", "8.2"], ["县域商业体系建设", "电子商务进农村", "外贸稳增长", "消费促进"]),
    ("wlj", "文化和旅游局", "县文旅局", "示文旅发", ["12.1", "12.2", "8.5"], ["公共文化服务体系建设", "文物保护", "全域旅游发展", "非物质文化遗产保护"]),
    ("wjj", "卫生健康局", "县卫健局", "示卫健发", ["13.1", "14.1"], ["紧密型县域医共体建设", "基本公共卫生服务", "爱国卫生运动", "优化生育支持"]),
    ("tyj", "退役军人事务局", "县退役军人局", "示退役发", ["15.4", "17.2"], ["退役军人就业创业", "优抚对象抚恤补助", "退役军人服务站建设", "双拥工作"]),
    ("yjj", "应急管理局", "县应急管理局", "示应急发", ["2.3", "9.5", "17.1"], ["安全生产专项整治", "森林防灭火", "自然灾害救助", "危险化学品安全监管"]),
    ("sjj", "审计局", "县审计局", "示审发", ["4.8"], ["经济责任审计", "预算执行审计", "审计整改", "政府投资项目审计"]),
    ("scj", "市场监督管理局", "县市场监管局", "示市监发", ["9.1", "9.2", "9.4"], ["食品安全监管", "特种设备安全", "知识产权保护", "市场主体登记"]),
    ("tjj", "统计局", "县统计局", "示统发", ["3.3"], ["统计数据质量", "经济普查", "统计执法检查", "农业统计调查"]),
    ("ybj", "医疗保障局", "县医保局", "示医保发", ["13.2", "15.2"], ["医保基金监管", "城乡居民医保参保", "药品集中带量采购", "医保支付方式改革"]),
    ("lyj", "林业局", "县林业局", "示林发", ["6.2"], ["林长制", "国土绿化", "松材线虫病防治", "古树名木保护"]),
    ("spj", "行政审批局", "县行政审批局", "示审批发", ["2.4", "2.1"], ["一网通办", "工程建设项目审批制度改革", "政务服务中心管理", "证照分离改革"]),
]
TOWNSHIPS: list[tuple[str, str, str, str]] = [
    ("cgz", "城关镇人民政府", "城关镇", "城政发"),
    ("dqz", "东桥镇人民政府", "东桥镇", "东政发"),
    ("xhx", "西河乡人民政府", "西河乡", "西政发"),
    ("nsx", "南山乡人民政府", "南山乡", "南政发"),
]
GENERAL_TOPICS = ["营商环境优化", "政务公开", "安全生产", "乡村振兴", "数字政府建设", "城乡环境综合整治",
                  "防汛减灾", "基层治理", "优化营商环境", "民生实事项目"]
GENERAL_THEMES = ["2.1", "2.2", "2.3", "3.1", "17.6", "10.3", "22"]


@dataclass
class Org:
    """One synthetic 公开主体."""

    id: str
    name: str
    short: str
    kind: str
    code: str
    prefix: str
    themes: list[str]
    topics: list[str]
    parent: str | None = None

    def as_yaml(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "name": self.name, "short_name": self.short, "code": self.code,
                                "kind": self.kind}
        if self.parent:
            data["parent"] = self.parent
        data["doc_prefixes"] = [self.prefix]
        return data


def uscc_for(n: int) -> str:
    """A valid 18-char 统一社会信用代码 (机关, fictional region 999901) for org number ``n``."""
    org8 = f"MB{n:06d}"
    body17 = "11" + "999901" + org8 + org_code_check_char(org8)
    return body17 + uscc_check_char(body17)


def make_orgs() -> list[Org]:
    orgs = [
        Org("xzf", f"{COUNTY}人民政府", "县政府", "government", uscc_for(1), "示政发", GENERAL_THEMES, GENERAL_TOPICS),
        Org("xzfb", f"{COUNTY}人民政府办公室", "县政府办", "office", uscc_for(2), "示政办发", GENERAL_THEMES,
            GENERAL_TOPICS, "xzf"),
    ]
    for i, (oid, name, short, prefix, themes, topics) in enumerate(DEPARTMENTS, 3):
        orgs.append(Org(oid, COUNTY + name, short, "department", uscc_for(i), prefix, themes, topics, "xzf"))
    for i, (oid, name, short, prefix) in enumerate(TOWNSHIPS, 3 + len(DEPARTMENTS)):
        orgs.append(Org(oid, COUNTY + name, short, "township", uscc_for(i), prefix, ["17.6", "6.1", "2.1", "10.2"],
                        ["乡村振兴", "农村人居环境整治", "防汛减灾", "基层治理", "耕地保护"], "xzf"))
    return orgs


ORG_WEIGHT = {"government": 8.0, "office": 12.0, "department": 65.0 / 24, "township": 15.0 / 4}

# --- item kinds -------------------------------------------------------------------------------

# (kind, weight, columns, genres, title pattern)
KINDS: list[tuple[str, float, list[str], list[str], str]] = [
    ("policy", 14, ["gfxwj"], ["通知"], "{org}关于印发《{topic}{plan}》的通知"),
    ("opinion", 6, ["gfxwj"], ["意见", "办法", "规定"], "{org}关于{verb}{topic}的{opinion}"),
    ("notice", 12, ["msbz", "qtxx", "yjgl", "jdjc"], ["通知"], "{org}关于做好{year}年{topic}工作的通知"),
    ("plan", 4, ["ghxx"], ["规划", "计划"], "{county}{topic}“十四五”规划"),
    ("stats", 6, ["tjxx"], ["统计"], "{year}年{month}月{county}国民经济主要统计指标"),
    ("permit", 8, ["xzxk"], ["公示"], "{org}{year}年第{n}批行政许可事项办理结果公示"),
    ("penalty", 8, ["xzcf"], ["其他"], "{org}行政处罚决定信息公开（{year}年第{n}期）"),
    ("budget", 5, ["czzj"], ["其他"], "{org}{year}年部门{budget}公开"),
    ("fees", 2, ["sfxm"], ["其他"], "{org}行政事业性收费项目目录（{year}年版）"),
    ("procure", 7, ["zfcg"], ["公告"], "{county}{topic}采购项目{result}公告"),
    ("project", 4, ["zdjsxm"], ["其他", "批复"], "{county}{project}批准和实施情况"),
    ("emergency", 4, ["yjgl"], ["方案"], "{county}{topic}应急预案（{year}年修订）"),
    ("inspect", 6, ["jdjc"], ["通报"], "{org}关于{qyear}年第{q}季度{topic}监督检查情况的通报"),
    ("exam", 2, ["gwyzk"], ["公示", "公告"], "{county}{year}年考试录用公务员拟录用人员公示（第{n}批）"),
    ("functions", 1, ["jgzn"], ["其他"], "{org}机构职能及内设机构（{year}年更新）"),
    ("report", 2, ["xxgknb"], ["年报"], "{org}{prev}年政府信息公开工作年度报告"),
    ("news", 4, ["qtxx", "msbz"], ["通报", "其他"], "{org}{topic}工作进展情况"),
]
PLANS = ["实施方案", "工作方案", "三年行动计划", "管理办法", "专项行动方案", "考核办法", "实施细则"]
OPINIONS = ["实施意见", "指导意见", "若干措施"]
VERBS = ["进一步加强", "全面推进", "深化", "加快推进", "规范", "持续优化"]
BUDGET = ["预算", "决算"]
RESULTS = ["中标（成交）结果", "招标", "竞争性磋商", "更正"]
PROJECTS = ["城南污水处理厂提标改造项目", "县人民医院综合楼建设项目", "国道改线工程", "城区供水管网改造工程",
            "工业园区标准化厂房项目", "农村饮水安全巩固提升工程", "第二中学新校区建设项目", "城乡冷链物流中心项目"]

# --- body text --------------------------------------------------------------------------------

NUMS = "一二三四五六七八九十"
SUBJECTS = ["各乡镇人民政府", "县直各有关单位", "各责任单位", "各级各部门", "有关行业主管部门", "各村（社区）"]
ACTIONS = ["要切实加强", "应当严格落实", "要进一步完善", "全面推进", "扎实开展", "持续深化", "统筹做好", "认真组织实施",
           "建立健全", "加大"]
OBJECTS = ["组织领导", "监督检查", "工作责任体系", "信息公开", "宣传引导", "资金保障", "考核评估", "风险防控",
           "部门协同", "台账管理", "问题整改", "日常巡查"]
TAILS = ["，确保各项任务落到实处。", "，不断提升人民群众的获得感和满意度。", "，形成上下联动、齐抓共管的工作合力。",
         "，推动工作取得实效。", "，切实维护人民群众合法权益。", "，按时保质完成年度目标任务。", "。"]
HEADINGS = ["总体要求", "工作目标", "主要任务", "重点措施", "实施步骤", "保障措施", "工作要求", "监督考核", "其他事项"]
UNITS = ["县发改局", "县财政局", "县教育局", "县民政局", "县住建局", "县农业农村局", "县卫健局", "各乡镇", "县市场监管局"]


def sentence(rng: random.Random, topic: str) -> str:
    obj = rng.choice(OBJECTS + [f"{topic}工作"])
    return f"{rng.choice(SUBJECTS)}{rng.choice(ACTIONS)}{obj}{rng.choice(TAILS)}"


def paragraph(rng: random.Random, topic: str) -> str:
    return "".join(sentence(rng, topic) for _ in range(rng.randint(2, 5)))


def table(rng: random.Random, topic: str, year: int) -> str:
    rows = ["| 序号 | 工作任务 | 责任单位 | 完成时限 |", "| --- | --- | --- | --- |"]
    for i in range(1, rng.randint(3, 8) + 1):
        rows.append(f"| {i} | {rng.choice(ACTIONS)}{rng.choice(OBJECTS)} | {rng.choice(UNITS)} | "
                    f"{year}年{rng.randint(1, 12)}月底前 |")
    return "\n".join(rows)


def body(rng: random.Random, org: Org, topic: str, when: datetime) -> str:
    """300–3,000 characters of Markdown: ## headings, lists, sometimes a table, a signature."""
    target = rng.randint(300, 3000)
    parts = [f"为深入贯彻落实上级关于{topic}的决策部署，根据有关法律法规和政策规定，结合我县实际，现就有关事项通知如下。"]
    size = len(parts[0])
    headings = HEADINGS[:]
    rng.shuffle(headings)
    n = 0
    while size < target and n < len(headings):
        block = [f"## {NUMS[n]}、{headings[n]}", paragraph(rng, topic)]
        shape = rng.random()
        if shape < 0.35:
            block.append("\n".join(f"{i}. {sentence(rng, topic)}" for i in range(1, rng.randint(3, 6) + 1)))
        elif shape < 0.6:
            block.append("\n".join(f"- {sentence(rng, topic)}" for _ in range(rng.randint(2, 5))))
        elif shape < 0.75:
            block.append(table(rng, topic, when.year))
        text = "\n\n".join(block)
        if n and size + len(text) > 2950:
            break
        parts.append(text)
        size += len(text)
        n += 1
    parts.append(f"{org.name}\n\n{when.year}年{when.month}月{when.day}日")
    return "\n\n".join(parts)


# --- items ------------------------------------------------------------------------------------


@dataclass
class Draft:
    """An item before 索引号/文号 assignment."""

    org: Org
    kind: str
    when: datetime
    fields: dict[str, Any]
    topic: str
    order: int
    interprets: "Draft | None" = None
    index_no: str = ""
    seq: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def random_time(rng: random.Random, year: int) -> datetime:
    start = datetime(year, 1, 1, 8, 0)
    last = min(datetime(year, 12, 31, 17, 30), END)
    days = (last.date() - start.date()).days
    day = start + timedelta(days=rng.randint(0, days))
    moment = day.replace(hour=rng.randint(8, 17), minute=rng.choice([0, 10, 15, 20, 30, 40, 45, 50]))
    return min(moment, END)


def draft_item(rng: random.Random, org: Org, order: int) -> Draft:
    kinds = [k for k in KINDS if not (org.kind == "township" and k[0] in ("penalty", "fees", "exam", "stats"))]
    kind, _w, columns, genres, pattern = rng.choices(kinds, weights=[k[1] for k in kinds])[0]
    year = rng.randint(FIRST_YEAR, LAST_YEAR)
    when = random_time(rng, year)
    if kind == "report":  # published in Q1 of the following year
        when = when.replace(month=rng.randint(1, 3), day=rng.randint(1, 28))
    topic = rng.choice(org.topics)
    quarter_year, quarter = (when.year - 1, 4) if when.month <= 3 else (when.year, (when.month - 1) // 3)
    title = pattern.format(
        org=org.name, county=COUNTY, topic=topic, plan=rng.choice(PLANS), verb=rng.choice(VERBS),
        opinion=rng.choice(OPINIONS), year=when.year, month=when.month, n=rng.randint(1, 12), q=quarter,
        qyear=quarter_year, budget=rng.choice(BUDGET), result=rng.choice(RESULTS), project=rng.choice(PROJECTS), prev=when.year - 1,
    )
    cols = [rng.choice(columns)]
    if rng.random() < 0.08:
        extra_col = rng.choice(["qtxx", "msbz", "jdjc"])
        if extra_col not in cols:
            cols.append(extra_col)
    fields: dict[str, Any] = {"title": title, "issuer": org.id, "genre": rng.choice(genres), "columns": cols,
                              "theme": rng.choice(org.themes)}
    if kind in ("policy", "opinion"):
        fields["validity"] = rng.choices(["有效", "失效", "废止", "已修改"], weights=[80, 10, 5, 5])[0]
        effective = when.date() + timedelta(days=rng.randint(0, 30))
        fields["effective_date"] = effective.isoformat()
        if fields["validity"] in ("失效", "废止"):
            fields["expiry_date"] = (effective + timedelta(days=rng.randint(365, 1095))).isoformat()
        elif rng.random() < 0.3:
            fields["expiry_date"] = (effective + timedelta(days=365 * rng.choice([2, 3, 5]))).isoformat()
    return Draft(org, kind, when, fields, topic, order)


def draft_interpretation(rng: random.Random, policy: Draft, order: int) -> Draft:
    when = min(policy.when + timedelta(days=rng.randint(0, 10), hours=rng.randint(0, 6)), END)
    doc = policy.fields["title"].split("《")[-1].split("》")[0] if "《" in policy.fields["title"] else policy.topic
    fields = {"title": f"《{doc}》政策解读", "issuer": policy.org.id, "genre": "解读", "columns": ["zcjd"],
              "theme": policy.fields["theme"]}
    return Draft(policy.org, "interpretation", when, fields, policy.topic, order, interprets=policy)


def assign_numbers(drafts: list[Draft]) -> None:
    """索引号 seq per (org, year) and 文号 per (代字, year), both in publish order."""
    seqs: dict[tuple[str, int], int] = {}
    docnos: dict[tuple[str, int], int] = {}
    for d in sorted(drafts, key=lambda d: (d.when, d.order)):
        key = (d.org.id, d.when.year)
        seqs[key] = d.seq = seqs.get(key, 0) + 1
        d.index_no = f"{d.org.code}/{d.when.year}-{d.seq:05d}"
        if d.extra.get("doc_no"):
            dkey = (d.org.prefix, d.when.year)
            docnos[dkey] = docnos.get(dkey, 0) + 1
            d.extra["doc_no"] = f"{d.org.prefix}〔{d.when.year}〕{docnos[dkey]}号"


def front_matter(rng: random.Random, d: Draft) -> dict[str, Any]:
    f = d.fields
    written = (d.when.date() - timedelta(days=rng.randint(0, 12)))
    data: dict[str, Any] = {"index_no": d.index_no, "title": f["title"]}
    if d.extra.get("doc_no"):
        data["doc_no"] = d.extra["doc_no"]
    data.update(issuer=f["issuer"], written_date=written.isoformat(), publish_date=d.when.strftime("%Y-%m-%d %H:%M"),
                theme=f["theme"], genre=f["genre"], columns=f["columns"])
    for key in ("validity", "effective_date", "expiry_date"):
        if key in f:
            data[key] = f[key]
    data["keywords"] = rng.sample([d.topic, *OBJECTS[:6], d.org.short], rng.randint(2, 4))
    data["summary"] = f"{d.org.short}就{d.topic}有关事项作出安排，明确了{rng.choice(HEADINGS)}和{rng.choice(HEADINGS)}。"
    if d.interprets is not None:
        data["interprets"] = d.interprets.index_no
    return data


def dump(data: Any) -> str:
    """Block-style YAML with the pure-Python dumper, so output does not depend on libyaml."""
    return yaml.dump(data, Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False, width=1000)


SITE: dict[str, Any] = {
    "name": f"{COUNTY}人民政府",
    "base_url": "https://www.example.gov.cn/",
    "description": f"{COUNTY}人民政府信息公开平台（基准测试用合成数据）",
    "footer": {
        "host": f"{COUNTY}人民政府办公室",
        "contact": {"phone": "0000-1234567", "email": "xxgk@example.gov.cn", "address": f"{COUNTY}人民路1号",
                    "postcode": "999901"},
        "site_id_code": "9999990001",
        "icp": "示ICP备00000001号-1",
        "psb": "示公网安备 99999901000001号",
    },
}
PAGES = {
    "zhinan": ("政府信息公开指南", "xxgkzn"),
    "zhidu": ("政府信息公开制度", "xxgkzd"),
    "ysqgk": ("依申请公开", "ysqgk"),
}


def marker(n: int, seed: int) -> dict[str, Any]:
    """What :data:`MARKER` holds: the arguments plus a digest of this generator's source."""
    return {"n": n, "seed": seed, "generator": hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:12]}


def generate(n: int, out: Path, seed: int = 1) -> int:
    """Write a site with ``n`` items into ``out`` (replaced if present); returns files written."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "content").mkdir(parents=True)
    orgs = make_orgs()
    n_interp = n // 20
    drafts = [draft_item(rng, org, i)
              for i, org in enumerate(rng.choices(orgs, weights=[ORG_WEIGHT[o.kind] for o in orgs], k=n - n_interp))]
    policies = [d for d in drafts if d.kind in ("policy", "opinion")]
    for i in range(n_interp if policies else 0):
        drafts.append(draft_interpretation(rng, rng.choice(policies), len(drafts) + i))
    for d in drafts:
        if rng.random() < 0.75 and d.kind not in ("stats", "report"):
            d.extra["doc_no"] = True
    assign_numbers(drafts)

    (out / "site.yaml").write_text(dump(SITE), encoding="utf-8")
    (out / "content" / "orgs.yaml").write_text(dump([o.as_yaml() for o in orgs]), encoding="utf-8")
    pages = out / "content" / "pages"
    pages.mkdir()
    for stem, (title, column) in PAGES.items():
        text = body(rng, orgs[1], title, END)
        (pages / f"{stem}.md").write_text(f"---\n{dump({'title': title, 'column': column})}---\n{text}\n", encoding="utf-8")
    for d in drafts:  # generation order, so the random stream does not depend on the sort
        path = out / "content" / "items" / d.org.id / str(d.when.year) / f"{d.seq:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = f"---\n{dump(front_matter(rng, d))}---\n{body(rng, d.org, d.topic, d.when)}\n"
        path.write_text(text, encoding="utf-8")
    (out / MARKER).write_text(json.dumps(marker(n, seed)) + "\n", encoding="utf-8")
    return len(drafts) + len(PAGES) + 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of items")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    count = generate(args.n, args.outdir, args.seed)
    print(f"wrote {count} files to {args.outdir}")


if __name__ == "__main__":
    main()
