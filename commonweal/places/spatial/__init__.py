"""A pure point-in-area spatial index (shapely and numpy only; no Django).

>>> from shapely import box
>>> index = AreaIndex([("B", box(1, 0, 2, 1)), ("A", box(0, 0, 1, 1))])
>>> index.lookup(0.5, 0.5), index.lookup(1.0, 0.5), index.lookup(5, 5)
('A', 'A', None)
"""

from .index import AreaIndex

__all__ = ["AreaIndex"]
