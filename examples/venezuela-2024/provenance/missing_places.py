"""Writes missing_places.csv: the mesas missing from the collected actas inside a collected centre.

Mesas are numbered 1..m within a centre; a centre whose collected mesas stop at m but number fewer than m is missing
the others (a gap in the numbering), at a known centre. Mesas after the last collected one, and centres with no
collected acta, cannot be placed from these data and are left to the whole count (announced_total_consistency).
Run from the repository root:  python3 examples/venezuela-2024/provenance/missing_places.py
"""
import collections
import csv
import gzip

SRC = "examples/venezuela-2024/ven2024_actas_opposition.csv.gz"
OUT = "examples/venezuela-2024/missing_places.csv"

mesas = collections.defaultdict(set)
state = {}
with gzip.open(SRC, "rt", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        c = row["center_code"]
        mesas[c].add(int(row["mesa"]))
        state[c] = row["state"]

rows = []
for c in sorted(mesas):
    gap = max(mesas[c]) - len(mesas[c])
    if gap > 0:
        rows.append((" > ".join(["Venezuela", state[c], c[:4], c[:6], c]), gap))

with open(OUT, "w", encoding="utf-8", newline="\n") as f:
    f.write("path,stations\n")
    for path, n in rows:
        f.write(f"{path},{n}\n")
print(f"{len(rows)} centres, {sum(n for _, n in rows)} missing mesas")
