"""Pure chart builders: a table in, a plotly figure out, one module per topic.

``base`` holds what they share; ``compare``, ``logics``, ``evaluations``, ``lessons`` and
``check`` each build the charts of the page with that name. No file reads, no globals, no
``show()``; the theme is passed in. Nothing here imports a view.
"""
