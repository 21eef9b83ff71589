"""Jobkaravane meetings: staff record them, people find the ones near them and sign up."""
