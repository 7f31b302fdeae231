# tap.sh — sourced by the shell tests: TAP results counted in $n, $status 1 once a
# check fails, a temporary folder $tmp removed at the end, and the common checks.
status=0
n=0

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

check () {
  n=$((n + 1))
  if [ "$1" = ok ]; then
    echo "ok $n - $2"
  else
    echo "not ok $n - $2"
    status=1
  fi
}

skip () {
  n=$((n + 1))
  echo "ok $n # SKIP $1"
}

# check_rc EXPECTED ACTUAL WHAT
check_rc () {
  if [ "$2" -eq "$1" ]; then
    check ok "$3 exits $1"
  else
    check fail "$3 exited $2, expected $1; stderr: $(cat "$tmp/err")"
  fi
}

# check_has FILE TEXT WHAT
check_has () {
  if grep -qF -- "$2" "$1"; then
    check ok "$3"
  else
    check fail "$3: no “$2” in: $(cat "$1")"
  fi
}
