"""Provinces before and after the 1 July 2025 merger, and a tile-grid map of them."""
