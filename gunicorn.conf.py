# gunicorn reads this file when started from this folder: `gunicorn -w 4 dashboard.app:server`.
# The settings (preloading, reloading the data on `kill -HUP`) are in dashboard/gunicorn_conf.py.
from dashboard.gunicorn_conf import control_socket_disable, on_reload, preload_app  # noqa: F401
