"""A person's answers: a draft saved after every step, then one registration, sent once."""
