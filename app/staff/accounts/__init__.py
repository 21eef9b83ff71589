"""Staff accounts: passwords, one-time codes, sessions, and slowing down guessing."""
