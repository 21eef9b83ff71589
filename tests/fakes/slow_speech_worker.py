"""A stand-in for app/speech/worker.py that answers only when a test says so, so that a test
can stop a synthesis process at exactly the moment another thread waits for its answer.

    python slow_speech_worker.py KIND FOLDER RATE

It says it is ready, then for each job writes FOLDER/got-job and waits for FOLDER/answer
before answering with an empty clip."""

import json
import os
import sys
import time
from pathlib import Path


def main(folder):
    folder = Path(folder)
    out = os.fdopen(os.dup(1), "wb", buffering=0)
    out.write(json.dumps({"ready": True, "size": 0}).encode() + b"\n")
    for _line in sys.stdin.buffer:
        (folder / "got-job").touch()
        while not (folder / "answer").exists():
            time.sleep(0.01)
        out.write(json.dumps({"ok": True, "samples": 1, "size": 0}).encode() + b"\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[2]))
