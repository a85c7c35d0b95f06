"""gunicorn settings for serving frt-timeline in production.

    gunicorn -c python:dashboard.gunicorn_conf -w 4 -b 127.0.0.1:8050 dashboard.app:server

(In a checkout, `gunicorn.conf.py` at the top imports this, and gunicorn reads it by itself.)

- `preload_app`: the master reads and checks the data once, then forks the workers. A worker that dies and is
  replaced never reads the files again, so a broken file cannot stop it booting (without preloading, a worker
  that fails to boot makes gunicorn's master shut down, healthy workers and all).
- `on_reload`: `kill -HUP <master pid>` reloads the data: the files are read and checked in the master;
  valid new data replaces the old and gunicorn replaces the workers with ones forked from it; invalid data
  is refused with one log line, and the workers keep the old version.
- `control_socket_disable`: see below.
"""

from __future__ import annotations

from typing import Any

preload_app = True
# gunicorn 27's control socket has one default path per user: two app servers on one machine would share
# it. Reload with `kill -HUP` instead.
control_socket_disable = True


def on_reload(server: Any) -> None:
    """gunicorn calls this in the master on SIGHUP, before it forks the new workers."""
    app = server.app.wsgi()
    reload = getattr(app, "reload", None)
    if reload is None:
        return
    status, message = reload()
    (server.log.error if status == "refused" else server.log.info)(message)
