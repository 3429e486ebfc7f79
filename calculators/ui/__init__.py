"""The rendering layer: turns calculator results into HTML fragments; the science modules never see HTML."""
