#!/bin/sh
# keystone import and export as a user types them, with no display.
#   tests/cli-import.sh KEYSTONE DATADIR
set -u
keystone=$1
data=$2
. "$(dirname "$0")/tap.sh"

unset DISPLAY WAYLAND_DISPLAY
db=$tmp/keystone.db

echo "1..28"

# 1. A good file
"$keystone" --database "$db" import "$data/accounts-utf8.csv" >"$tmp/out" 2>"$tmp/err"
check_rc 0 $? "import of a good file"
count=$(sed -n 's/^Imported \([0-9]*\), updated 0, skipped 0\.$/\1/p' "$tmp/out")
if [ "${count:-0}" -ge 4 ]; then
  check ok "the summary counts the accounts ($count)"
else
  check fail "no summary: $(cat "$tmp/out")"
fi

# 2. The same file again: skipped, with reasons
"$keystone" --database "$db" import "$data/accounts-gb18030.csv" >"$tmp/out" 2>"$tmp/err"
check_rc 0 $? "import of the same accounts in GB18030"
check_has "$tmp/out" "Imported 0, updated 0, skipped $count." \
  "the accounts already there are skipped"
check_has "$tmp/out" "Line 2: an account named “华东精密机械有限公司” already exists; skipped." \
  "each skip has its reason, in Chinese names too"

# 3. Export
"$keystone" -d "$db" export csv "$tmp/before.csv" >"$tmp/out" 2>"$tmp/err"
check_rc 0 $? "export csv"
check_has "$tmp/out" "Exported $count accounts" "export says how many"
if head -c 3 "$tmp/before.csv" | od -An -tx1 | grep -q 'ef bb bf'; then
  check ok "the export starts with the UTF-8 BOM"
else
  check fail "the export has no BOM"
fi
check_has "$tmp/before.csv" "Name,Industry,Region,Owner,Currency,Annual purchases" \
  "the export has the header row"
check_has "$tmp/before.csv" "华东精密机械有限公司,制造业,华东,,CNY,1200000.00" \
  "the export has the Chinese account with its amount"

# 4. A file with problems: nothing written, each problem with its line
cat >"$tmp/bad.csv" <<'EOF'
Name,Annual purchases,Need fit rating,Phone
Newco,100,3,555
Brokenco,1.2M,3,555
,5,9,555
EOF
"$keystone" --database "$db" import "$tmp/bad.csv" >"$tmp/out" 2>"$tmp/err"
check_rc 1 $? "import of a file with problems"
check_has "$tmp/err" "bad.csv:3: column “Annual purchases”: “1.2M” is ambiguous" \
  "the problem names the file, line and column"
check_has "$tmp/err" "bad.csv:4: column “Name”:" "a missing name is reported with its line"
check_has "$tmp/err" "bad.csv:4: column “Need fit rating”:" "several problems of one row"
check_has "$tmp/err" "Nothing was imported." "it says nothing was imported"
"$keystone" -d "$db" export csv "$tmp/after.csv" >/dev/null 2>&1
if cmp -s "$tmp/before.csv" "$tmp/after.csv"; then
  check ok "the database is unchanged after the failed import"
else
  check fail "the database changed after the failed import"
fi

# 5. The valid rows only
"$keystone" --database "$db" import "$tmp/bad.csv" --valid-rows-only >"$tmp/out" 2>"$tmp/err"
check_rc 0 $? "import --valid-rows-only"
check_has "$tmp/out" "Imported 1, updated 0, skipped 0." "only the valid row is imported"
check_has "$tmp/out" "“Phone”" "the unknown column is reported"

# 6. --duplicates=update changes only the columns of the file
cat >"$tmp/update.csv" <<'EOF'
客户名称,备注
"Acme, Inc.",更新的备注
EOF
"$keystone" --database "$db" import --duplicates=update "$tmp/update.csv" \
  >"$tmp/out" 2>"$tmp/err"
check_rc 0 $? "import --duplicates=update"
check_has "$tmp/out" "Imported 0, updated 1, skipped 0." "the existing account is updated"
"$keystone" -d "$db" export csv "$tmp/updated.csv" >/dev/null 2>&1
check_has "$tmp/updated.csv" '"Acme, Inc.",Retail,North,,CNY,1200000.00,0,0,更新的备注,' \
  "notes changed, the other columns kept"

# 7. Bad command lines
"$keystone" --database "$db" import "$tmp/missing.csv" >"$tmp/out" 2>"$tmp/err"
check_rc 1 $? "import of a file that does not exist"
"$keystone" --database "$db" import --duplicates=maybe "$tmp/bad.csv" >"$tmp/out" 2>"$tmp/err"
check_rc 2 $? "an unknown --duplicates value"
"$keystone" import --help >"$tmp/out" 2>"$tmp/err"
check_rc 0 $? "import --help"
check_has "$tmp/out" "--valid-rows-only" "import --help lists the options"
"$keystone" export --help >"$tmp/out" 2>"$tmp/err"
check_rc 0 $? "export --help"

# 8. A database that is not one: refused, left as it was
printf 'this is not a database, but it is long enough to look like a file' >"$tmp/bad.db"
cp "$tmp/bad.db" "$tmp/bad.db.orig"
"$keystone" --database "$tmp/bad.db" import "$data/accounts-utf8.csv" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 1 ] && [ -s "$tmp/err" ] && cmp -s "$tmp/bad.db" "$tmp/bad.db.orig"; then
  check ok "a bad database exits 1 with a message and stays byte-for-byte the same"
else
  check fail "bad database: exit $rc, stderr '$(cat "$tmp/err")'"
fi

exit $status
