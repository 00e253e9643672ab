"""The ``kehoach`` program (its console script) and ``python -m kehoach_parser``: the command line in a
process of its own."""
import gc

# the collector's thresholds in the program: a run allocates millions of objects and frees nearly all of
# them by reference counting, so collecting the young generation every 700 allocations (Python's default)
# spent 0.15 s of a 40-page check traversing survivors (225 collections); every 200,000 a check needs none,
# and a batch's memory stays flat (its workers parse one file at a time and are replaced every 50 files).
# A library caller's process is left as it is.
PROGRAM_GC_THRESHOLDS = (200_000, 50, 50)


def run() -> None:
    gc.set_threshold(*PROGRAM_GC_THRESHOLDS)
    from .cli import run as command_line

    command_line()


if __name__ == "__main__":
    run()
