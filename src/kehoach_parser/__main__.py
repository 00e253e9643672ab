"""``python -m kehoach_parser`` runs the ``kehoach`` command line."""
from .cli import run

if __name__ == "__main__":
    run()
