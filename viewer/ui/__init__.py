"""Qt widgets of the viewer. Everything here sits on top of the Qt-free ``viewer.atlas``."""
