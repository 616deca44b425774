"""The Panel dashboard: state classes and views on top of the businesscase core."""
