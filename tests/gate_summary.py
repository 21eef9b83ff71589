"""What the gate checked, in numbers: each walk writes its figures, and the test run prints
one summary at its end (tests/conftest.py), with xdist's workers too."""

import json
from pathlib import Path

FIGURES = Path(__file__).resolve().parents[1] / "test-artifacts" / "gate"


def start_afresh():
    FIGURES.mkdir(parents=True, exist_ok=True)
    for old in FIGURES.glob("*.json"):
        old.unlink()


def record_gate(walk, figures):
    FIGURES.mkdir(parents=True, exist_ok=True)
    (FIGURES / f"{walk}.json").write_text(json.dumps(figures))


def summary_lines():
    walks = {path.stem: json.loads(path.read_text()) for path in sorted(FIGURES.glob("*.json"))}
    if not walks:
        return []
    from colours import CONTROL_MINIMUM, TEXT_MINIMUM

    settings = sorted({s for figures in walks.values() for s in figures.get("settings", [])})
    per_walk = ", ".join(f"{name}: {figures['states']} states" for name, figures in walks.items())
    lines = [
        f"Accessibility gate: {len(walks)} walks of the citizen pages ({per_walk}); "
        f"{len(settings)} display settings ({', '.join(settings)}); "
        f"text >= {TEXT_MINIMUM:g}:1, controls and focus >= {CONTROL_MINIMUM:g}:1 by pixels; "
        f"{sum(f.get('axe_to_review', 0) for f in walks.values())} contrast results axe left "
        f"to review, decided by pixels; "
        f"{sum(f.get('focus_stops', 0) for f in walks.values())} Tab stops measured for focus.",
    ]
    checks = {}
    for figures in walks.values():
        for kind, count in figures.get("checks", {}).items():
            checks[kind] = checks.get(kind, 0) + count
    tours = {figures.get("tour", name) for name, figures in walks.items()}
    lines.append(
        f"{len(tours)} tours reached the states for those walks; checks of a state in a setting: "
        + ", ".join(f"{kind} {count}" for kind, count in sorted(checks.items()))
        + f" ({sum(checks.values())} in all)."
    )
    seconds = {}
    for figures in walks.values():
        for kind, spent in figures.get("seconds", {}).items():
            seconds[kind] = seconds.get(kind, 0) + spent
    # Where the walks' time went, to see on CI's own machine what a change of the gate costs.
    lines.append(
        "Seconds the checks took: "
        + ", ".join(f"{kind} {round(spent)}" for kind, spent in sorted(seconds.items()))
        + f" ({round(sum(seconds.values()))} in all)."
    )
    return lines
