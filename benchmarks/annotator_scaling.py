"""Does annotating stay linear? The cost per KB of adversarial inputs at growing sizes.

Each input is a unit repeated to 12.5, 25 and 50 KB (the kinds that were once quadratic: runs of
digits, full stops, speech verbs, bare numbers, quote marks) plus a real article repeated. For each
it prints the time at every size, the cost per KB and the growth from 25 to 50 KB: about 2 when
linear, about 4 when quadratic. Exits 1 if any growth is above 3, so it can gate a change by hand.
Run: .venv/bin/python benchmarks/annotator_scaling.py
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.article import build_article  # noqa: E402
from generator.inputs.project import read_inputs  # noqa: E402
from generator.models import SourceText  # noqa: E402

UNITS = {
    "a run of digits": "1",
    "digits and commas": "1,",
    "a run of full stops": ".",
    "speech verbs": "said ",
    "names and speech verbs": "Smith said ",
    "bare numbers": "1 ",
    "open quote marks": "“a ",
    "capitalised words": "Home Secretary ",
    "brackets": "((",
}
SIZES = (12_500, 25_000, 50_000)
LINEAR_GROWTH_LIMIT = 3.0


def seconds_to_annotate(text: str, knowledge) -> float:
    """The best of three runs, so a busy machine does not look like a slow annotator."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        build_article(SourceText("seeds/bench.txt", text), None, knowledge)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.parse_args()
    knowledge = read_inputs(ROOT).knowledge
    seed = (ROOT / "seeds").glob("*.txt").__next__().read_text(encoding="utf-8")
    inputs = {**UNITS, "a real article, repeated": seed}
    print(f"{'input':<26}" + "".join(f"{size // 1000:>8} KB" for size in SIZES) + "   ms/KB  growth")
    worst = 0.0
    for name, unit in inputs.items():
        times = [seconds_to_annotate((unit * (size // len(unit) + 1))[:size], knowledge) for size in SIZES]
        growth = times[-1] / max(times[-2], 1e-9)
        worst = max(worst, growth)
        per_kb = times[-1] * 1000 / (SIZES[-1] / 1000)
        cells = "".join(f"{t:>10.3f}s" for t in times)
        print(f"{name:<26}{cells}   {per_kb:5.1f}  {growth:5.2f}")
    print(
        f"worst growth from 25 to 50 KB: {worst:.2f} (linear is about 2; the limit here is {LINEAR_GROWTH_LIMIT})"
    )
    return 0 if worst <= LINEAR_GROWTH_LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
