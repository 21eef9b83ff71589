"""The questions a person answers, as data (steps.py, choices.py), and how they flow."""
