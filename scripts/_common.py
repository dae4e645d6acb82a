"""Shared helpers for the data-extraction scripts: paths and file headers."""

import os
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "datagen-providers" / "data"


def write_table(rel_path, header_lines, rows):
    """Writes `rows` (tuples of strings) tab-separated under data/, after `# ` header lines."""
    # Source data has stray spaces ("Bonaire, Saint Eustatius and Saba "); values never need them.
    rows = [tuple(str(cell).strip() for cell in row) for row in rows]
    path = DATA / rel_path
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for line in header_lines:
            f.write(f"# {line}\n" if line else "#\n")
        for row in rows:
            for cell in row:
                assert "\t" not in cell and "\n" not in cell and cell, (rel_path, row)
            f.write("\t".join(row) + "\n")
    print(f"wrote {os.path.relpath(path, ROOT)}: {len(rows)} rows, {path.stat().st_size} bytes")


def package_dir(module):
    """The directory a Python package was installed into."""
    return pathlib.Path(module.__file__).resolve().parent


def ranges(values, width=0):
    """Consecutive numbers as ranges: [200, 201, 202, 205] -> "200-202,205".

    `width` zero-pads each number, as `parse_ranges` in the providers' text.rs reads them.
    """
    def text(v):
        return f"{v:0{width}}"

    out = []
    start = prev = None
    for v in values:
        if start is not None and v == prev + 1:
            prev = v
            continue
        if start is not None:
            out.append(f"{text(start)}-{text(prev)}" if start != prev else text(start))
        start = prev = v
    out.append(f"{text(start)}-{text(prev)}" if start != prev else text(start))
    return ",".join(out)
