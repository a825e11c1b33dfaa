"""`broadsheet report`: a static HTML report of the warehouse (index.html, quality.html, charts/*.svg).

It opens offline: no scripts, no external fonts or stylesheets, every chart a file beside the pages.
"""

from warehouse.report.render import write_report

__all__ = ["write_report"]
