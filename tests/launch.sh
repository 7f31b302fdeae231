#!/bin/sh
# Starting the real program under the test display: the database named on the command
# line is opened and read while GTK starts, and the first frame shows its accounts; a
# database that cannot be opened gives its message and is left as it was.
#   tests/launch.sh KEYSTONE DATA-DIR
set -u
keystone=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
data=$2
. "$(dirname "$0")/tap.sh"

# One start, up to the first frame of its window or error dialog.
start () {
  KEYSTONE_EXIT_AFTER_FIRST_FRAME=1 XDG_DATA_HOME="$tmp/data" timeout 120 \
    "$keystone" "$@" >"$tmp/out" 2>"$tmp/err"
}

echo "1..9"

"$keystone" --database "$tmp/accounts.db" import "$data/accounts-utf8.csv" >"$tmp/out" 2>&1
imported=$(sed -n 's/^Imported \([0-9]*\),.*/\1/p' "$tmp/out")
[ -n "$imported" ] && [ "$imported" -gt 0 ] && check ok "the import wrote $imported accounts" \
  || check fail "the import wrote accounts: $(cat "$tmp/out")"

start --database "$tmp/accounts.db"
grep -qx "first-frame $imported accounts" "$tmp/out" \
  && check ok "--database PATH: the first frame shows its $imported accounts" \
  || check fail "--database PATH: first frame with $imported accounts: $(cat "$tmp/out" "$tmp/err")"

(cd "$tmp" && start --database accounts.db)
grep -qx "first-frame $imported accounts" "$tmp/out" \
  && check ok "a relative path is the same database" \
  || check fail "a relative path: $(cat "$tmp/out" "$tmp/err")"

start
grep -qx "first-frame 0 accounts" "$tmp/out" && [ -f "$tmp/data/keystone/keystone.db" ] \
  && check ok "no --database: the default database is created, empty" \
  || check fail "the default database: $(cat "$tmp/out" "$tmp/err")"

head -c 5000 /dev/urandom >"$tmp/bad.db"
cp "$tmp/bad.db" "$tmp/bad.orig"
start --database "$tmp/bad.db"
rc=$?
[ "$rc" -eq 1 ] && grep -qx "first-frame error" "$tmp/out" \
  && check ok "a file that is not a database: the error dialog, exit status 1" \
  || check fail "not a database: status $rc, $(cat "$tmp/out" "$tmp/err")"
grep -q "is not a Keystone database" "$tmp/err" \
  && check ok "the message says why" \
  || check fail "the message: $(cat "$tmp/err")"
cmp -s "$tmp/bad.db" "$tmp/bad.orig" && [ ! -e "$tmp/bad.db-wal" ] \
  && check ok "the file is byte-identical afterwards" \
  || check fail "the file was changed"

# No display: the database opened meanwhile is opened in full, nothing is left half
# made, and the program says why it ends.
mkdir "$tmp/nodisplay"
env -u DISPLAY -u WAYLAND_DISPLAY XDG_DATA_HOME="$tmp/nodisplay" timeout 120 \
  "$keystone" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] && grep -q "There is no display to show the window on" "$tmp/err" \
  && check ok "no display: exit status 1 and the message" \
  || check fail "no display: status $rc, $(cat "$tmp/out" "$tmp/err")"
left=$(cd "$tmp/nodisplay/keystone" && ls -A | tr '\n' ' ')
[ "$left" = "keystone.db " ] \
  && check ok "no display: the database is whole, nothing else is left" \
  || check fail "no display: the folder holds: $left"

exit $status
