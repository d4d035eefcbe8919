"""``govsite new`` kinds beyond ``item`` (see :mod:`govsite.newitem`): a 政策解读 linked
to its policy, a gazette issue, a standard catalog row."""
