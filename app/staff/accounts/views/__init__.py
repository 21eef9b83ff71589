"""The staff's accounts: signing in, the second step, one's own account, the admin's users, municipalities' consultants, shared devices, the audit log.
Importing this package adds their routes to the blueprint."""

from app.staff.accounts.views import (  # noqa: F401 - each module adds its routes
    account,
    audit_log,
    municipalities,
    shared_devices,
    sign_in,
    two_factor,
    users,
)
