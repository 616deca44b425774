"""The dashboard's views: each renders the session's state (:mod:`dashboards.state`) and
sends the user's actions to it. A view never calls the core itself."""
