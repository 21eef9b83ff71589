"""Mail to a staff member when their sign-in changes."""
