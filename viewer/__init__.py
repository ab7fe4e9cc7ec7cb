"""Meridian & Trigger-Point Viewer: an educational atlas of acupuncture points."""

__version__ = "0.1.0"
APP_NAME = "Meridian Viewer"
