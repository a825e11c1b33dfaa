"""Entity extraction's quality benchmark: gold sets, the systems scored on them, and the scores."""
