"""The build pipeline (构建流程): the phases that turn a site folder into ``output/``.

Named ``pipeline`` rather than ``build`` because tools and conventions treat a
``build/`` folder as generated output (pytest skipped ``tests/build``). It sits on
top of the reader, the model, the features and the renderer and runs them in order
(docs/architecture.md, "Layers").
"""
