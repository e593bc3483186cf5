# Sourced by the capture scripts beside it.

# shown COMMAND...: the command line as a section heading, then its output (stdout and stderr)
# and its exit status. CAPTURE_TIMEOUT (seconds), when set, bounds the command with timeout(1);
# status 124 then means it was stopped.
shown() {
  echo "## \$ $*"
  local status=0
  if [ -n "${CAPTURE_TIMEOUT:-}" ]; then
    timeout "$CAPTURE_TIMEOUT" "$@" 2>&1 || status=$?
  else
    "$@" 2>&1 || status=$?
  fi
  echo "(exit status $status)"
}
