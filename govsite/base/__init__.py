"""The ground floor (基础层): small helpers that several layers share.

Digests of named inputs, URLs between output paths, strict YAML reading with line
lookup, path safety and the stat-keyed read cache. They import nothing from govsite
but the top-level helpers (``problems``, ``i18n``, ``markdown``, the version), so
the model, the reader, the renderer and every feature can use them without reaching
up or sideways (docs/architecture.md, "Layers").
"""
