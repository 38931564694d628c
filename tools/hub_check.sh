#!/usr/bin/env bash
# The hub check (tests/test_hub.py): builds the hub's own environment in build/hub/ and runs a
# real JupyterHub course against it with Chromium. Slow (about 3-4 minutes from nothing: pip
# installs the Jupyter stack a second time, then the test waits for the idle culler), so it is
# a CI step of its own (.ci/run), not part of `make test`.
#
#   build/hub/venv/          the casebook (editable), jupyterhub, jupyterhub-idle-culler,
#                            jupyter-server-proxy; its bin/ has jupyterhub-singleuser, which the
#                            hub starts for students, and casebook, which jupyter-server-proxy
#                            starts in each student's server
#   build/hub/node_modules/  configurable-http-proxy, the hub's proxy (npm)
#
# The versions are the ones deploy/hub/jupyterhub_config.py, the README's hub recipe and
# environment.yml name; change them together. Needs python3 (3.11+), npm, /usr/bin/chromium
# and the project's .venv (pytest, Playwright: `make install`).
set -euo pipefail
cd "$(dirname "$0")/.."

JUPYTERHUB=6.1.1
IDLE_CULLER=2.0.0
SERVER_PROXY=4.6.0
PROXY=5.3.0
HUB=build/hub
PYTHON=${PYTHON:-python3}

begun=$(date +%s)
mkdir -p "$HUB"
[ -x "$HUB/venv/bin/python" ] || "$PYTHON" -m venv "$HUB/venv"
"$HUB/venv/bin/python" -m pip install -q --disable-pip-version-check -c constraints.txt \
  -e . "jupyterhub==$JUPYTERHUB" "jupyterhub-idle-culler==$IDLE_CULLER" \
  "jupyter-server-proxy==$SERVER_PROXY"
npm install -s --prefix "$HUB" --no-audit --no-fund "configurable-http-proxy@$PROXY"
built=$(date +%s)
echo "hub environment ready in $((built - begun)) s ($HUB)"

CASEBOOK_HUB_CHECK=1 CASEBOOK_HUB_ENV="$HUB/venv" \
  CASEBOOK_HUB_PROXY="$HUB/node_modules/.bin/configurable-http-proxy" \
  .venv/bin/python -m pytest -q -s -p no:xdist -p no:nbval tests/test_hub.py "$@"
echo "hub check took $(($(date +%s) - begun)) s in all (the test $(($(date +%s) - built)) s)"
