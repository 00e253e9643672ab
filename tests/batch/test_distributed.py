"""The README's recipe for archives larger than one machine: ``parse_one`` on a Dask cluster."""
from __future__ import annotations

from pathlib import Path

import pytest

from kehoach_parser import Plan, parse
from kehoach_parser.batch import parse_one


@pytest.mark.slow
def test_parse_one_on_a_local_dask_cluster(samples_dir: Path, real_dir: Path) -> None:
    distributed = pytest.importorskip("distributed")
    paths = [samples_dir / "003_5ff484b46b8ac1a0.txt", real_dir / "06_lamdong-cchc-2026.docx"]
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster) as client:
        # the workers read the files themselves (shared storage); only the outcomes travel back, pickled
        futures = client.map(parse_one, [str(p) for p in paths], pure=False)
        outcomes = client.gather(futures)
    for path, outcome in zip(paths, outcomes, strict=True):
        assert outcome.status == "ok", outcome.error
        assert Plan.model_validate_json(outcome.text) == parse(path)
