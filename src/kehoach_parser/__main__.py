"""``python -m kehoach_parser`` runs the ``kehoach`` command line."""
import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
