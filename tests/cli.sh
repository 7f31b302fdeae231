#!/bin/sh
# The command line a user types: --version, --help, and a database that is refused.
#   tests/cli.sh KEYSTONE
set -u
keystone=$1
. "$(dirname "$0")/tap.sh"

echo "1..5"

out=$("$keystone" --version 2>&1)
[ "$out" = "keystone 0.1.0" ] && check ok "--version prints the version" \
  || check fail "--version printed '$out'"

out=$("$keystone" --help 2>&1)
rc=$?
[ $rc -eq 0 ] && check ok "--help exits 0" || check fail "--help exited $rc"
case $out in
  *--database=PATH*) check ok "--help names --database" ;;
  *) check fail "--help lacks --database: $out" ;;
esac

out=$("$keystone" --no-such-option 2>&1)
rc=$?
[ $rc -ne 0 ] && check ok "an unknown option fails" || check fail "an unknown option exited 0"
case $out in
  *no-such-option*) check ok "the unknown option is named" ;;
  *) check fail "the message does not name the option: $out" ;;
esac

exit $status
