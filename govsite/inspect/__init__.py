"""Inspection-grade checks (巡检): the rules of ``govsite check`` that mirror the
national website inspection indicators (DOMAIN §5.2) and the disclosure deadlines.

Rules register in :mod:`govsite.inspect.registry`; :mod:`govsite.inspect.run`
runs them on a loaded model. This package's ``__init__`` imports nothing, so that
:mod:`govsite.i18n` can merge :mod:`govsite.inspect.messages` without a cycle.
"""
