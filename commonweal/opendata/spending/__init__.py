"""Council spending (Local Government Transparency Code): import, classify, place, show."""
