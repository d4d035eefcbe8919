"""政府信息公开工作年度报告 (annual report, 2021 format, DOMAIN §3).

The data file ``content/annual/<org>/<year>.yaml`` holds the numbers of tables
二 (the rows not computed), 三 and 四; the report page itself is an ordinary item
(体裁 年报, listed under the 年报 column) whose Markdown body holds the narrative
sections 一 to 六. This ``__init__`` imports nothing, so that :mod:`govsite.i18n`
can merge :mod:`govsite.annual.messages` without a cycle.
"""
