"""Pure rules of the directory (no Django): classification, identifiers, coverage.

Later features (funding streams, accountability, measures) depend on the
classification, so it lives here as one function with its thresholds in the open.
"""
