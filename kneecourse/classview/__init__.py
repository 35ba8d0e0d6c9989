"""The class view: a workshop's predictions and answers on the projector, served by the hub itself.

Three parts, each usable alone:

- :mod:`.catalogue` — which notebooks and questions may be posted, and what a valid answer is (from the
  course's question bank);
- :mod:`.service` and :mod:`.answers` — the JupyterHub service (a small tornado app, started and restarted by
  the hub) and its SQLite database; learners post with their hub token, facilitators read;
- :mod:`kneecourse.selfcheck.sharing` — what a learner's kernel runs: only when the learner has switched
  sharing on, each committed prediction and self-check answer goes into a local outbox and is sent from there,
  so a service that cannot be reached loses nothing.

No name leaves the hub: the service keys each learner by a keyed hash of the hub user and the workshop id, and
the counts it shows and exports carry no learner identity at all. Recipes: ``docs/jupyterhub.md``.
"""
