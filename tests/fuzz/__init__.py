"""The fuzz harness of issue 7: hostile inputs built from strategies and mutators, each parsed in a
capped child process and classified.

- :mod:`.builders`: byte-exact writers for ZIP packages (any lie a ZIP can tell), minimal Word
  documents and raw PDFs (any object graph, any xref).
- :mod:`.strategies`: hypothesis strategies for plan-shaped text.
- :mod:`.docx_mutators`, :mod:`.pdf_mutators`: structure-aware mutations of seed files.
- :mod:`.cases`: a case is a recipe (seed + mutations) that builds its bytes; minimisation.
- :mod:`.runner`: the capped child (fork server) and the classification of what it did.

``tests/test_fuzz.py`` runs a bounded campaign; ``benchmarks/fuzz.py`` a long one;
``tests/data/hostile/make_hostile.py`` builds the reproducers of issue 7 with the same builders.
"""
