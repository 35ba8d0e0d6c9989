"""Rebuild the table of precomputed periodic gaits (``data/slip_periodic_gaits.npz``).

    python -m kneecourse gait-table [--out PATH]

The spring-mass explorer interpolates this table so a slider step stays under a
millisecond; the table is computed by the course's own solver
(:func:`kneecourse.models.periodic_gait.build_table`), about 8 s on 2 cores.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from ..models.periodic_gait import TABLE_FILE, build_table

__all__ = ["main"]


def main(argv=None) -> int:
    """Rebuild the table into the source tree's data folder."""
    parser = argparse.ArgumentParser(prog="python -m kneecourse gait-table", description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parents[2] / "data" / TABLE_FILE
    parser.add_argument("--out", default=str(default), help="where to write the .npz (default: data/)")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    table = build_table()
    solved = np.isfinite(table["values"][0])
    np.savez_compressed(args.out, **table)
    print(f"{args.out}: {solved.sum()} of {solved.size} nodes solved in {time.perf_counter() - t0:.1f} s")
    return 0
