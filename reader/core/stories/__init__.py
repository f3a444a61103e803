"""Stories: every outlet's version of one event grouped, ordered and compared. No UI here."""
