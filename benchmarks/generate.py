"""Deterministic synthetic corpus for govsite benchmarks.

Usage::

    python benchmarks/generate.py N OUTDIR [--seed S]
        [--gazette-years Y --issues-per-year P --articles-per-issue A]

Writes a complete site folder (``site.yaml``, ``content/orgs.yaml``, a few
pages and N items under ``content/items/<org>/<year>/<seq:05d>.md``) for the
fictional 示例县. Everything comes from one seeded :class:`random.Random`, so the
same arguments always give a byte-identical corpus (file contents; not mtimes).

Items span 30 organizations (county government, its office, 24 departments,
4 townships), 2019–2026 (publish dates up to 2026-11-20), the default 法定
columns, themes, genres, 文号 on ~70%, validity variety and ~5% 政策解读 that
point to an earlier policy via ``interprets``.

With ``--gazette-years`` the site also gets a 政府公报 under ``content/gazette/``
(see :func:`write_gazette`): the Y × P most recent issue slots up to 2026-11-20
(P = 36 is 旬刊), A articles each. The gazette uses its own random stream, so the
items are the same as without it except that every 意见/办法/规定-kind policy
becomes genre 规范性文件 (so the 应登尽登 rule has something to check) and each
such item is printed, as a linked article, within ``registration_days``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
from bisect import bisect_left
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


# --- gazette (政府公报) --------------------------------------------------------------------------


@dataclass(frozen=True)
class GazetteSpec:
    """Shape of the synthetic gazette: ``years`` × ``per_year`` issues of ``per_issue`` articles."""

    years: int = 10
    per_year: int = 36
    per_issue: int = 20

    @property
    def label(self) -> str:
        return f"g{self.years}x{self.per_year}x{self.per_issue}"


GAZETTE_NAME = f"{COUNTY}人民政府公报"
GAZETTE_PUBLISHER = "xzf"
GAZETTE_SECTIONS = ["县政府令", "县政府文件", "县政府办公室文件", "部门文件", "政策解读", "人事任免", "其他"]
"""govsite.model.gazette.DEFAULT_SECTIONS (written out so the corpus does not depend on the package)."""
FREQUENCIES = {12: "monthly", 24: "semi-monthly", 36: "ten-days"}
LINKED_SHARE = 0.2
"""Share of articles that are a catalog item (``item:``, empty body)."""
SCAN_SHARE = 0.01
"""Share of issues (at least one) that are scan_only, taken from the oldest ones."""
PRINTABLE_KINDS = ("policy", "opinion", "notice", "plan", "emergency", "inspect", "interpretation", "project")
"""Item kinds a county gazette reprints (not permits, penalties, budgets, procurement, statistics…)."""
NORMATIVE_KIND = "opinion"
"""With a gazette, items of this kind get genre 规范性文件 (subject to 应登尽登)."""
# (section, weight) for articles with their own text
ARTICLE_SECTIONS = [("县政府令", 2), ("县政府文件", 18), ("县政府办公室文件", 25), ("部门文件", 33), ("政策解读", 8),
                    ("人事任免", 8), ("其他", 6)]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文玉兰海波春晓云飞宁鹏辉俊"
POSTS = ["局长", "副局长", "党组成员、副局长", "主任", "副主任"]


def issue_date(year: int, number: int, per_year: int) -> date:
    """出版日期 of regular issue ``number``: 旬刊 10th/20th/month end, 半月刊 15th/month end,
    月刊 month end; any other frequency evenly spread over the year (irregular)."""
    if per_year in (12, 24, 36):
        per_month = per_year // 12
        month, part = (number - 1) // per_month + 1, (number - 1) % per_month
        month_end = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
        day = {3: [10, 20, month_end], 2: [15, month_end], 1: [month_end]}[per_month][part]
        return date(year, month, day)
    days = (date(year + 1, 1, 1) - date(year, 1, 1)).days
    return date(year, 1, 1) + timedelta(days=int((number - 0.5) * days / per_year))


def issue_slots(spec: GazetteSpec) -> list[tuple[int, int, date]]:
    """The ``years × per_year`` most recent (year, number, date) slots not after :data:`END`, oldest first."""
    slots: list[tuple[int, int, date]] = []
    year, number = END.year, spec.per_year
    while len(slots) < spec.years * spec.per_year:
        when = issue_date(year, number, spec.per_year)
        if when <= END.date():
            slots.append((year, number, when))
        year, number = (year, number - 1) if number > 1 else (year - 1, spec.per_year)
    return slots[::-1]


def tiny_pdf(text: str) -> bytes:
    """A valid one-page PDF of a few hundred bytes showing ``text`` (ASCII), for scan-only issues."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def appointments(rng: random.Random, depts: list[Org], when: date) -> str:
    """人事任免 text: 300+ characters of 任命/免去 lines and a signature."""
    lines = ["经县人民政府研究决定："]
    while sum(len(x) for x in lines) < rng.randint(300, 900):
        org = rng.choice(depts)
        post = rng.choice(POSTS)
        if rng.random() < 0.6:
            lines.append(f"任命{person(rng)}为{org.name}{post}（试用期一年）；")
        else:
            lines.append(f"免去{person(rng)}的{org.name}{post}职务；")
    lines[-1] = lines[-1][:-1] + "。"
    return "\n\n".join([*lines, f"{COUNTY}人民政府\n\n{when.year}年{when.month}月{when.day}日"])


@dataclass
class GArticle:
    """One article of an issue before numbering."""

    section: str
    fm: dict[str, Any]
    body: str
    chars: int
    sort_key: str


def _article_for_item(d: Draft) -> GArticle:
    """An article that is catalog item ``d``: metadata copied, empty body (one copy of the text)."""
    item_fm = d.extra["fm"]
    if d.kind == "interpretation":
        section = "政策解读"
    else:
        section = {"government": "县政府文件", "office": "县政府办公室文件"}.get(d.org.kind, "部门文件")
    fm: dict[str, Any] = {"title": item_fm["title"], "section": section}
    if item_fm.get("doc_no"):
        fm["doc_no"] = item_fm["doc_no"]
    fm.update(issuer=d.org.id, written_date=item_fm["written_date"], genre=item_fm["genre"])
    fm["item"] = d.index_no
    return GArticle(section, fm, "", d.extra["chars"], item_fm["written_date"])


def _own_article(rng: random.Random, orgs: list[Org], when: date, counters: dict[tuple[str, int], int],
                 text: str) -> GArticle:
    """An article with its own text (``text`` = born-digital, keyed, ocr) or none (scan only)."""
    by_kind: dict[str, list[Org]] = {}
    for o in orgs:
        by_kind.setdefault(o.kind, []).append(o)
    section = rng.choices([s for s, _ in ARTICLE_SECTIONS], weights=[w for _, w in ARTICLE_SECTIONS])[0]
    gov, office = by_kind["government"][0], by_kind["office"][0]
    written = when - timedelta(days=rng.randint(3, 40))
    org = {"县政府令": gov, "县政府文件": gov, "人事任免": gov, "县政府办公室文件": office,
           "部门文件": rng.choice(by_kind["department"]),
           "政策解读": rng.choice([office, *by_kind["department"]]), "其他": rng.choice(orgs)}[section]
    topic = rng.choice(org.topics)
    prefix = org.prefix
    if section == "县政府令":
        title, genre, prefix = f"{COUNTY}{topic}管理办法", "办法", ""
    elif section == "人事任免":
        title, genre, prefix = f"{COUNTY}人民政府关于{person(rng)}等同志职务任免的通知", "通知", "示政任"
    elif section == "政策解读":
        title, genre, prefix = f"《{COUNTY}{topic}{rng.choice(PLANS)}》政策解读", "解读", ""
    elif section == "其他":
        title, genre = f"{org.name}关于{written.year}年{topic}工作情况的通报", "通报"
    elif rng.random() < 0.5:
        title, genre = f"{org.name}关于{rng.choice(VERBS)}{topic}的{rng.choice(OPINIONS)}", "意见"
    else:
        title, genre = f"{org.name}关于印发《{topic}{rng.choice(PLANS)}》的通知", "通知"
    fm: dict[str, Any] = {"title": title, "section": section}
    if prefix and rng.random() < 0.85:
        key = (prefix, written.year)
        counters[key] = counters.get(key, 0) + 1
        fm["doc_no"] = f"{prefix}〔{written.year}〕{counters[key]}号"
    fm.update(issuer=org.id, written_date=written.isoformat(), genre=genre,
              keywords=rng.sample([topic, *OBJECTS[:6]], rng.randint(1, 3)))
    if text == "none":
        fm["text_source"] = "none"
        return GArticle(section, fm, "", rng.randint(1500, 6000), fm["written_date"])
    if text != "born-digital":
        fm["text_source"] = text
        if text == "ocr":
            fm["quality_note"] = "文字识别结果，未经校对"
    if section == "人事任免":
        words = appointments(rng, by_kind["department"], written)
    else:
        words = body(rng, org, topic, datetime(written.year, written.month, written.day))
    return GArticle(section, fm, words, len(words), fm["written_date"])


def write_gazette(out: Path, spec: GazetteSpec, orgs: list[Org], drafts: list[Draft], seed: int) -> int:
    """Write ``content/gazette/``; returns the number of files written.

    * Issues: the :func:`issue_slots`, with 卷 (volume = year − first year + 1) and 总期号.
    * Scan-only issues: the oldest :data:`SCAN_SHARE` (at least one); their articles have
      ``text_source: none`` and no body, and the issue has a tiny PDF. No other PDFs.
    * 应登尽登: every 规范性文件 item of the covered organizations (publisher and its
      children = all 30) published on or after the first issue goes, as a linked
      article, into the first non-scan issue 1–7 days after its publish date with
      room (else from the same day on), within the default ``registration_days``
      (30) whenever issues are at most 31 days apart (旬刊, 半月刊, 月刊); a sparser
      irregular gazette leaves some W-GAZETTE-UNREGISTERED warnings.
    * More linked articles, drawn from :data:`PRINTABLE_KINDS` items published in the
      30 days before the issue, bring the linked share to about :data:`LINKED_SHARE`.
    * The rest have their own text: :func:`body` (300–3,000 characters) or a 人事任免
      list; issues in the oldest fifth of the archive are partly keyed or OCR text.
    """
    rng = random.Random(f"gazette:{seed}:{spec.label}")
    root = out / "content" / "gazette"
    slots = issue_slots(spec)
    first_year, first_number, started = slots[0]
    n_scan = max(1, round(len(slots) * SCAN_SHARE))
    scan = set(range(n_scan))
    old = len(slots) // 5

    # 应登尽登 first: each normative item into the first non-scan issue 1–7 days after publication.
    linked: dict[int, list[Draft]] = {i: [] for i in range(len(slots))}
    dates = [d for _y, _n, d in slots]
    covered = {o.id for o in orgs if o.id == GAZETTE_PUBLISHER or o.parent == GAZETTE_PUBLISHER}  # covers_orgs default
    normative = sorted((d for d in drafts if d.fields["genre"] == "规范性文件" and d.org.id in covered),
                       key=lambda d: (d.when, d.order))
    for d in normative:
        published = d.when.date()
        if published < started:
            continue
        lag = rng.randint(1, 7)
        for earliest in (published + timedelta(days=lag), published):  # else the same day's issue
            i = bisect_left(dates, earliest)
            while i < len(slots) and (i in scan or len(linked[i]) >= spec.per_issue):
                i += 1
            if i < len(slots) and dates[i] <= published + timedelta(days=30):
                linked[i].append(d)
                break

    # Then other printable items of the last 30 days, up to about LINKED_SHARE of the articles.
    pool = sorted((d for d in drafts if d.kind in PRINTABLE_KINDS and d.fields["genre"] != "规范性文件"),
                  key=lambda d: (d.when, d.order))
    pool_dates = [d.when.date() for d in pool]
    windows = [(bisect_left(pool_dates, when - timedelta(days=30)), bisect_left(pool_dates, when))
               for when in dates]
    eligible = [i for i in range(len(slots)) if i not in scan and windows[i][1] > windows[i][0]]
    wanted_total = LINKED_SHARE * spec.per_issue * (len(slots) - n_scan)
    share = min(0.5, wanted_total / max(1, len(eligible) * spec.per_issue))
    used: set[int] = set()
    for i in eligible:
        want = int(share * spec.per_issue + rng.random())
        lo, hi = windows[i]
        free = [k for k in range(lo, hi) if k not in used]
        picks = rng.sample(free, max(0, min(want - len(linked[i]), spec.per_issue - len(linked[i]), len(free))))
        for k in sorted(picks):
            used.add(k)
            linked[i].append(pool[k])

    # Document numbers of own-text articles continue after the items' ones.
    counters: dict[tuple[str, int], int] = {}
    for d in drafts:
        doc_no = d.extra.get("fm", {}).get("doc_no")
        if doc_no:
            key = (d.org.prefix, d.when.year)
            counters[key] = max(counters.get(key, 0), int(doc_no.split("〕")[1][:-1]))

    config = {"name": GAZETTE_NAME, "publisher": GAZETTE_PUBLISHER, "first_year": first_year, "first_number": first_number,
              "frequency": FREQUENCIES.get(spec.per_year, "irregular"), "sections": GAZETTE_SECTIONS,
              "description": f"{COUNTY}人民政府主办的政府公报，刊登县政府及其部门的规范性文件、人事任免等"
                             f"（基准测试用合成数据）。"}
    root.mkdir(parents=True)
    (root / "gazette.yaml").write_text(dump(config), encoding="utf-8")
    files = 1
    for i, (year, number, when) in enumerate(slots):
        folder = root / str(year) / f"{number:02d}"
        folder.mkdir(parents=True)
        if i in scan:
            text = ["none"]
        elif i < old:
            text = ["born-digital", "keyed", "ocr"]
        else:
            text = ["born-digital"]
        articles = [_article_for_item(d) for d in linked[i]]
        while len(articles) < spec.per_issue:
            articles.append(_own_article(rng, orgs, when, counters, rng.choices(text, weights=[6, 3, 1][:len(text)])[0]))
        articles.sort(key=lambda a: (GAZETTE_SECTIONS.index(a.section), a.sort_key, a.fm["title"]))
        page = 2  # page 1: 目录
        for n, art in enumerate(articles, 1):
            length = 1 + art.chars // 1200
            art.fm["pages"] = str(page) if length == 1 else f"{page}-{page + length - 1}"
            page += length
            (folder / f"{n}.md").write_text(f"---\n{dump(art.fm)}---\n{art.body}{chr(10) if art.body else ''}",
                                            encoding="utf-8")
        issue: dict[str, Any] = {"year": year, "number": number, "date": when.isoformat(),
                                 "volume": year - first_year + 1, "cumulative_number": i + 1}
        if i in scan:
            pdf = folder / f"gb{year}{number:02d}.pdf"
            pdf.write_bytes(tiny_pdf(f"{year} No. {number} (scanned)"))
            issue.update(pdf=pdf.relative_to(out / "content").as_posix(), scan_only=True)
            files += 1
        (folder / "issue.yaml").write_text(dump(issue), encoding="utf-8")
        files += 1 + len(articles)
    return files


def marker(n: int, seed: int, gazette: GazetteSpec | None = None) -> dict[str, Any]:
    """What :data:`MARKER` holds: the arguments plus a digest of this generator's source."""
    data: dict[str, Any] = {"n": n, "seed": seed}
    if gazette is not None:
        data["gazette"] = [gazette.years, gazette.per_year, gazette.per_issue]
    return data | {"generator": hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:12]}


def generate(n: int, out: Path, seed: int = 1, gazette: GazetteSpec | None = None) -> int:
    """Write a site with ``n`` items (and ``gazette``, if given) into ``out`` (replaced if
    present); returns files written."""
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
    if gazette is not None:  # no random draws: the items' random stream stays the same
        for d in drafts:
            if d.kind == NORMATIVE_KIND:
                d.fields["genre"] = "规范性文件"

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
        fm, words = front_matter(rng, d), body(rng, d.org, d.topic, d.when)
        d.extra.update(fm=fm, chars=len(words))
        path.write_text(f"---\n{dump(fm)}---\n{words}\n", encoding="utf-8")
    files = len(drafts) + len(PAGES) + 2
    if gazette is not None:
        files += write_gazette(out, gazette, orgs, drafts, seed)
    (out / MARKER).write_text(json.dumps(marker(n, seed, gazette)) + "\n", encoding="utf-8")
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of items")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--gazette-years", type=int, default=0, help="add a gazette of this many years (0: none)")
    parser.add_argument("--issues-per-year", type=int, default=36, help="36 旬刊, 24 半月刊, 12 月刊, other: irregular")
    parser.add_argument("--articles-per-issue", type=int, default=20)
    args = parser.parse_args()
    gazette = None
    if args.gazette_years:
        if not (1 <= args.issues_per_year <= 99 and args.articles_per_issue >= 1 and args.gazette_years >= 1):
            parser.error("need --gazette-years >= 1, 1 <= --issues-per-year <= 99, --articles-per-issue >= 1")
        gazette = GazetteSpec(args.gazette_years, args.issues_per_year, args.articles_per_issue)
    count = generate(args.n, args.outdir, args.seed, gazette)
    print(f"wrote {count} files to {args.outdir}")


if __name__ == "__main__":
    main()
