"""Problem codes of a provincial portal (集约化平台), Chinese first: mistakes in the
``portal:`` section of ``site.yaml`` (errors) and members whose published output is
missing, unreadable or stale (warnings: a member never stops the portal's build). A
catalog that :mod:`govsite.i18n` merges (see there)."""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "E-PORTAL-MEMBER-DUP": {
        "zh": "成员网站编号 {value} 重复；每个成员网站须有不同的 id（小写字母、数字和连字符）",
        "en": "member id {value} is used twice; each member needs its own id (lower-case letters, digits, hyphens)",
    },
    "E-PORTAL-MERGED-INTO": {
        "zh": "merged_into 的值 {value} 不是另一个成员网站的 id；允许的值：{allowed}",
        "en": "merged_into {value} is not the id of another member; allowed values: {allowed}",
    },
    "E-PORTAL-OUTPUT": {
        "zh": "成员网站 {value} 未填写 output（其已发布输出在本机的目录，如 ../members/{value}）；只有已撤并（填写了 merged_into）的成员网站可以不填",
        "en": "member {value} has no output (the folder holding its published output on this machine, e.g. ../members/{value}); only a merged member (with merged_into) may leave it out",
    },
    "W-PORTAL-MISSING": {
        "zh": "成员网站 {site}：找不到其已发布的输出 {value}（上次同步时没有取得该网站的文件？请检查 rclone sync 的日志）；平台照常构建，监测页标为“无法读取”",
        "en": "member {site}: its published output {value} is not there (did the last sync fetch it? check the rclone sync log); the portal is built anyway and the dashboard shows the member as unreadable",
    },
    "W-PORTAL-UNREADABLE": {
        "zh": "成员网站 {site}：文件不能使用，字段 {field} 的值为 {value}，应为{expected_zh}；平台照常构建，监测页标为“无法读取”",
        "en": "member {site}: the file cannot be used: field {field} is {value}, expected {expected}; the portal is built anyway and the dashboard shows the member as unreadable",
    },
    "W-PORTAL-BASE-URL": {
        "zh": "成员网站 {site}：其 data/site.json 中的网址 {value} 与 site.yaml 中填写的 {configured} 不同；平台的链接按其自己发布的网址生成，请更正 site.yaml",
        "en": "member {site}: data/site.json gives its address as {value}, site.yaml as {configured}; the portal links to the address it publishes: correct site.yaml",
    },
    "W-PORTAL-STALE-BUILD": {
        "zh": "成员网站 {site}：最近一次构建在 {value}，已 {days} 天未重新构建（应每天定时构建，期限 {limit} 天）；请检查其流水线的定时任务",
        "en": "member {site}: last built on {value}, {days} days ago (it should rebuild daily; limit {limit} days); check its pipeline's schedule",
    },
    "W-PORTAL-MEMBER-STALE": {
        "zh": "成员网站 {site}：{count} 个栏目未按期更新（{columns}）{home_zh}；详见平台监测页",
        "en": "member {site}: {count} column(s) not updated in time ({columns}){home_en}; see the portal's dashboard",
    },
    "W-PORTAL-VETO-RISK": {
        "zh": "成员网站 {site}：{value} {count} 个，达到单项否决线（{limit} 个）",
        "en": "member {site}: {count} {value}, at the single-veto threshold ({limit})",
    },
}
