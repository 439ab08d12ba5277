"""The directory: the groups people form, their leaders, areas, codes of conduct and links."""
