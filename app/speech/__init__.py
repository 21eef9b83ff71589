"""Read-aloud: every citizen page, question, choice, hint, error and answer can be heard,
made on our own server by pyttsx3 on espeak-ng."""
