"""Load the published tables that ship inside the package.

Every table lives in ``data/`` of the source tree and is installed as the
``kneecourse.data`` package, so it is read with :mod:`importlib.resources`
from the installed copy — never from the working directory, never over the
network. Each CSV names its unit in the header (``mass_fraction [1]``); the
loader checks columns, units and value ranges against a schema and raises
:class:`TableError` naming the file, the row and the column of the first
problem.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

__all__ = ["TableError", "Table", "load_table", "parse_table", "read_text", "load_json", "data_files", "SCHEMAS"]


class TableError(ValueError):
    """A data table is malformed (message names file, row and column)."""


@dataclass(frozen=True)
class Column:
    name: str
    unit: str
    kind: str = "float"  # "float" or "str"
    low: float = -np.inf
    high: float = np.inf
    optional: bool = False  # empty cell allowed (stored as NaN)


@dataclass(frozen=True)
class Table:
    """A validated table: ``columns`` maps name -> numpy array (float or str)."""

    filename: str
    columns: dict
    units: dict

    def __getitem__(self, key):
        return self.columns[key]

    def __len__(self):
        return len(next(iter(self.columns.values())))

    def rows(self):
        """Iterate over rows as dicts."""
        names = list(self.columns)
        for i in range(len(self)):
            yield {n: self.columns[n][i] for n in names}


_SEGMENT_COLUMNS = (
    Column("segment", "", "str"),
    Column("proximal", "", "str"),
    Column("distal", "", "str"),
    Column("mass_fraction", "1", low=0.0, high=1.0),
    Column("com_from_proximal", "1", low=0.0, high=1.0),
    Column("radius_of_gyration", "1", low=0.0, high=1.0, optional=True),
    Column("sides", "count", low=1, high=2),
    Column("whole_body", "0/1", low=0, high=1),
)


def _whole_body_sums_to_one(table: Table) -> None:
    m = table["mass_fraction"] * table["sides"] * table["whole_body"]
    total = float(m.sum())
    if abs(total - 1.0) > 0.005:
        raise TableError(
            f"{table.filename}: whole-body mass fractions (mass_fraction × sides over rows with "
            f"whole_body = 1) sum to {total:.4f}; they must sum to 1 ± 0.005"
        )


def _strictly_increasing(column: str):
    def check(table: Table) -> None:
        x = table[column]
        bad = np.flatnonzero(np.diff(x) <= 0)
        if bad.size:
            row = int(bad[0]) + 3  # header is line 1, first data row is line 2
            raise TableError(
                f"{table.filename}, row {row}, column {column!r}: values must increase "
                f"strictly ({x[bad[0]]:g} then {x[bad[0] + 1]:g})"
            )

    return check


#: Schema of every shipped table: columns (in order) and whole-table checks.
SCHEMAS = {
    "segments_winter2009.csv": (_SEGMENT_COLUMNS, (_whole_body_sums_to_one,)),
    "segments_deleva1996.csv": (_SEGMENT_COLUMNS, (_whole_body_sums_to_one,)),
    "body_proportions_drillis_contini.csv": (
        (Column("name", "", "str"), Column("kind", "", "str"), Column("fraction_of_height", "1", low=0, high=1)),
        (),
    ),
    "screw_home_walker1988.csv": (
        (Column("knee_flexion", "deg", low=0, high=180), Column("tibial_internal_rotation", "deg", low=-45, high=45)),
        (_strictly_increasing("knee_flexion"),),
    ),
    "pf_contact_area_besier2005.csv": (
        (Column("knee_flexion", "deg", low=0, high=180), Column("contact_area", "mm2", low=0, high=2000)),
        (_strictly_increasing("knee_flexion"),),
    ),
    "pf_activities.csv": (
        (Column("activity", "", "str"), Column("pfjrf", "BW", low=0, high=20), Column("source", "", "str")),
        (),
    ),
}


def data_files():
    """The folder of shipped data files, as an :mod:`importlib.resources` traversable.

    Installed (wheel or editable) this is the ``kneecourse.data`` package. When Python
    imports the package straight from a source tree that was never installed — a
    terminal in the repository folder on Binder puts the repository first on
    ``sys.path`` — the tree's own ``data/`` folder is the same files.
    """
    try:
        return resources.files("kneecourse.data")
    except ModuleNotFoundError:
        from pathlib import Path

        tree = Path(__file__).resolve().parents[2] / "data"
        if (tree / "__init__.py").is_file():
            return tree
        raise FileNotFoundError(
            "the kneecourse data files are not installed; reinstall: pip install kneecourse") from None


def read_text(filename: str) -> str:
    """Return the text of a data file shipped in ``kneecourse.data``."""
    ref = data_files().joinpath(filename)
    if not ref.is_file():
        raise FileNotFoundError(f"data file {filename!r} is not installed with kneecourse")
    return ref.read_text(encoding="utf-8")


def _split_header(cell: str):
    cell = cell.strip()
    if cell.endswith("]") and "[" in cell:
        name, unit = cell[:-1].split("[", 1)
        return name.strip(), unit.strip()
    return cell, ""


def parse_table(text: str, filename: str, columns, checks=()) -> Table:
    """Parse and validate CSV ``text`` against ``columns``.

    Parameters
    ----------
    text : str
        CSV content; the first line is the header ``name [unit],...``.
    filename : str
        Used in error messages.
    columns : sequence of Column
        Expected columns in order.
    checks : sequence of callables
        Whole-table checks, each raising :class:`TableError`.

    Raises
    ------
    TableError
        Naming the file, the row (line number in the file) and the column.
    """
    rows = list(csv.reader(io.StringIO(text)))
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise TableError(f"{filename}: the file is empty")
    header = [_split_header(c) for c in rows[0]]
    expected = [(c.name, c.unit) for c in columns]
    if [h[0] for h in header] != [e[0] for e in expected]:
        raise TableError(
            f"{filename}, row 1 (header): columns are {[h[0] for h in header]}, "
            f"expected {[e[0] for e in expected]}"
        )
    for (name, unit), col in zip(header, columns):
        if unit != col.unit:
            raise TableError(
                f"{filename}, row 1, column {name!r}: unit [{unit}] given, expected [{col.unit}]"
            )
    if len(rows) < 2:
        raise TableError(f"{filename}: the table has a header but no data rows")
    data = {c.name: [] for c in columns}
    for lineno, row in enumerate(rows[1:], start=2):
        if len(row) != len(columns):
            raise TableError(
                f"{filename}, row {lineno}: {len(row)} cells, expected {len(columns)}"
            )
        for cell, col in zip(row, columns):
            cell = cell.strip()
            where = f"{filename}, row {lineno}, column {col.name!r}"
            if col.kind == "str":
                if not cell:
                    raise TableError(f"{where}: empty cell")
                data[col.name].append(cell)
                continue
            if not cell:
                if col.optional:
                    data[col.name].append(np.nan)
                    continue
                raise TableError(f"{where}: empty cell, a number in [{col.unit}] is required")
            try:
                v = float(cell)
            except ValueError:
                raise TableError(f"{where}: {cell!r} is not a number") from None
            if not np.isfinite(v) or v < col.low or v > col.high:
                raise TableError(
                    f"{where}: {v:g} [{col.unit}] is outside the allowed range "
                    f"{col.low:g} to {col.high:g}"
                )
            data[col.name].append(v)
    arrays = {
        c.name: np.array(data[c.name], dtype=float if c.kind == "float" else object) for c in columns
    }
    table = Table(filename, arrays, {c.name: c.unit for c in columns})
    for check in checks:
        check(table)
    return table


@cache
def load_table(filename: str) -> Table:
    """Load and validate one of the shipped CSV tables (cached).

    Parameters
    ----------
    filename : str
        A key of :data:`SCHEMAS`, e.g. ``"segments_winter2009.csv"``.
    """
    if filename not in SCHEMAS:
        raise ValueError(f"unknown table {filename!r}; known tables: {sorted(SCHEMAS)}")
    columns, checks = SCHEMAS[filename]
    return parse_table(read_text(filename), filename, columns, checks)


@cache
def load_json(filename: str):
    """Load a JSON file shipped in ``kneecourse.data`` (cached; treat as read-only)."""
    try:
        return json.loads(read_text(filename))
    except json.JSONDecodeError as exc:
        raise TableError(f"{filename}, line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
