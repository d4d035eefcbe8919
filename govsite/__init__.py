"""govsite: a static site generator for Chinese government information-disclosure
catalogs (政府信息公开目录) and government gazettes (政府公报)."""

__version__ = "0.1.0"
