"""The guided tour's bar, steps and callbacks."""
