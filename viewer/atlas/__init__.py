"""Qt-free domain of the viewer: atlas data, body model, placement, search.

Nothing in this package may import Qt; ``tests/test_architecture.py`` enforces it.
"""
