"""Figures: numbers that state a quantity in the story."""
