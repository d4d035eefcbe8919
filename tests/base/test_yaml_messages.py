"""PyYAML's messages in Chinese (govsite/base/yaml_messages.py, issue 17 §4): each
common mistake an editor makes, parsed by PyYAML itself, gives a message without
English words."""
from __future__ import annotations

import re

import pytest
import yaml

from govsite.base.yaml_messages import yaml_detail_zh

MISTAKES = {
    "title: 关于印发《方案》的通知: 第二版\n": "此处不能再出现“键: 值”",
    "title: [未闭合的列表\n": "读取方括号列表 [ ] 时，应为逗号或“]”，却遇到了文件结尾",
    "columns:\n  - gfxwj\n keywords: [a]\n": "缩进不一致",
    "title: '未闭合\n": "缺少结束的引号",
    'title: "未闭合\n': "缺少结束的引号",
    "title:\t通知\n": "制表符（Tab）",
    "columns: gfxwj\n- zcjd\n": "却遇到了列表项“-”",
    "title: @通知\n": "字符“@”不能出现在这里",
    'title: "\\q"\n': "转义字符 q 无效",
    "- gfxwj\ntitle: 通知\n": "读取一个列表时",
    "title: 通知\n  issuer: xzfb\n": "此处不能再出现“键: 值”",
    "{title: 通知\n": "读取花括号 { } 时",
}


def _detail(text: str) -> str:
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        yaml.safe_load(text)
    return " ".join(filter(None, [caught.value.context, caught.value.problem]))


@pytest.mark.parametrize("text", sorted(MISTAKES))
def test_common_mistakes_read_in_chinese(text: str) -> None:
    zh = yaml_detail_zh(_detail(text))
    assert MISTAKES[text] in zh, zh
    english = re.search(r"\b(while|found|expected|scanning|parsing|mapping|allowed|character|token|stream|"
                        r"block|scalar|flow|sequence|indicator|node|key)\b", zh)
    assert not english, f"PyYAML's English left in: {zh}"
