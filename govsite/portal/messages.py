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
    "E-PORTAL-SYNC-NO-PORTAL": {
        "zh": "site.yaml 中没有 portal: 部分；govsite portal sync 只用于集约化平台（列出成员网站及其 sync_from 的站点）",
        "en": "site.yaml has no portal: section; govsite portal sync is for a portal site (one that lists member sites and their sync_from)",
    },
    "E-PORTAL-SYNC-MEMBER": {
        "zh": "没有编号为 {value} 的成员网站；允许的值：{allowed}",
        "en": "there is no member with the id {value}; allowed values: {allowed}",
    },
    "E-PORTAL-SYNC-NONE": {
        "zh": "没有需要同步的成员网站：请为成员网站填写 sync_from（rclone 远程名:路径，如 oss-dongcheng:bucket/xxgk；本地目录；或 base_url，即从其网址经 rclone 的 http 后端读取）",
        "en": "no member to sync: give members a sync_from (an rclone remote:path such as oss-dongcheng:bucket/xxgk, a local folder, or base_url to read it from its address through rclone's http backend)",
    },
    "E-PORTAL-SYNC-FROM": {
        "zh": "sync_from 的值 {value} 不能使用：{detail_zh}；允许：rclone 远程名:路径（如 oss-dongcheng:bucket/xxgk）、本地目录，或 base_url（从成员网站的网址经 rclone 的 http 后端读取）",
        "en": "sync_from {value} cannot be used: {detail}; allowed: an rclone remote:path (e.g. oss-dongcheng:bucket/xxgk), a local folder, or base_url (read from the member's address through rclone's http backend)",
    },
    "E-PORTAL-SYNC-SECRET": {
        "zh": "sync_from 的值 {value} 含有{detail_zh}，不能写在 site.yaml 中（它会提交到代码仓库）。密钥只能放在 rclone 的配置文件（rclone config）或环境变量 RCLONE_CONFIG_<远程名>_<参数> 中；这里只写远程名和路径，如 oss-dongcheng:bucket/xxgk",
        "en": "sync_from {value} contains {detail}; it must not be written in site.yaml (it goes into the repository). Keep secrets in rclone's config file (rclone config) or RCLONE_CONFIG_<REMOTE>_<OPTION> environment variables, and give only the remote and path here, e.g. oss-dongcheng:bucket/xxgk",
    },
    "W-PORTAL-SYNC-FAILED": {
        "zh": "成员网站 {site}：上次同步（{time}）时没有应答：{error}；{copy_zh}",
        "en": "member {site}: did not answer at the last sync ({time}): {error}; {copy_en}",
    },
    "W-PORTAL-NEVER-SYNCED": {
        "zh": "成员网站 {site}：填写了 sync_from，但从未同步（没有同步记录 {value}）；请运行 govsite portal sync",
        "en": "member {site}: it has a sync_from but was never synced (no record in {value}); run govsite portal sync",
    },
}
