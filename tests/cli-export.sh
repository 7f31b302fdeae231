#!/bin/sh
# keystone export plan as a user types it, with no display: every error, and nothing
# left behind by a failed export.
#   tests/cli-export.sh KEYSTONE DATADIR
set -u
keystone=$1
data=$2
# TAP output, $tmp, $db, $out and the checks
. "$(dirname "$0")/tap-files.sh"

echo "1..47"

# A portfolio with a Chinese and a Latin name
"$keystone" --database "$db" import "$data/accounts-utf8.csv" >"$tmp/log" 2>&1
check_rc 0 $? "import of the accounts"

# 1. By name, in Chinese
"$keystone" --database "$db" export plan "华东精密机械有限公司" "$out/plan.pdf" \
  >"$tmp/stdout" 2>"$tmp/err"
check_rc 0 $? "export plan by a Chinese name"
check_has "$tmp/stdout" "Wrote the account plan of “华东精密机械有限公司” to" \
  "it says what it wrote"
check_pdf "$out/plan.pdf" "the PDF is whole"
check_pdf_text "$out/plan.pdf" "华东精密机械有限公司" "the PDF names the account"
check_pdf_text "$out/plan.pdf" "SWOT" "the PDF has every section"
check_listing "plan.pdf " "no temporary file is left beside it"

# 2. By its name in another case, and by id
"$keystone" -d "$db" export plan "acme, inc." "$out/acme.pdf" >"$tmp/stdout" 2>"$tmp/err"
check_rc 0 $? "export plan by a name in another case"
check_pdf_text "$out/acme.pdf" "Acme, Inc." "the PDF names the account as stored"
"$keystone" -d "$db" export plan 1 "$out/one.pdf" >"$tmp/stdout" 2>"$tmp/err"
check_rc 0 $? "export plan by id"
check_pdf "$out/one.pdf" "the PDF of the account by id is whole"

# 3. Sections left out for the client
"$keystone" -d "$db" export plan "Acme, Inc." "$out/client.pdf" --leave-out swot,risks,health \
  >"$tmp/stdout" 2>"$tmp/err"
check_rc 0 $? "export plan --leave-out swot,risks,health"
check_pdf_text "$out/client.pdf" "SWOT" "the SWOT is left out" absent
check_pdf_text "$out/client.pdf" "Risks and Contingency Plans" "the risks are left out" absent
check_pdf_text "$out/client.pdf" "Action Plan" "the other sections stay"
"$keystone" -d "$db" export plan "Acme, Inc." "$out/client2.pdf" --leave-out=SWOT \
  --leave-out "risks" >"$tmp/stdout" 2>"$tmp/err"
check_rc 0 $? "--leave-out given twice, in any case"
check_pdf_text "$out/client2.pdf" "SWOT" "the first --leave-out counts too" absent
rm -f "$out"/*

# 4. A section that does not exist: a usage error, nothing written
"$keystone" -d "$db" export plan "Acme, Inc." "$out/bad.pdf" --leave-out swot,bogus \
  >"$tmp/stdout" 2>"$tmp/err"
check_rc 2 $? "an unknown section"
check_has "$tmp/err" "“bogus” is not a section of the account plan" "the message names it"
check_has "$tmp/err" "relationships" "the message lists the sections"
"$keystone" -d "$db" export plan "Acme, Inc." "$out/bad.pdf" --leave-out "" \
  >"$tmp/stdout" 2>"$tmp/err"
check_rc 2 $? "an empty --leave-out"
check_listing "" "nothing is written for a usage error"

# 5. An account that does not exist
"$keystone" -d "$db" export plan "No Such Company" "$out/none.pdf" >"$tmp/stdout" 2>"$tmp/err"
check_rc 1 $? "an unknown account"
check_has "$tmp/err" "No account is named “No Such Company”" "the message names it"
"$keystone" -d "$db" export plan 999 "$out/none.pdf" >"$tmp/stdout" 2>"$tmp/err"
check_rc 1 $? "an unknown id"
check_listing "" "nothing is written for an unknown account"

# 6. An existing file stays as it was when the export fails
printf 'old contents' >"$out/keep.pdf"
"$keystone" -d "$db" export plan "No Such Company" "$out/keep.pdf" >"$tmp/stdout" 2>"$tmp/err"
check_rc 1 $? "a failed export over an existing file"
[ "$(cat "$out/keep.pdf")" = "old contents" ] && check ok "the existing file is untouched" \
  || check fail "the existing file changed"
rm -f "$out/keep.pdf"

# 7. Paths that cannot be written: nothing left behind
"$keystone" -d "$db" export plan 1 "$out/no-such-folder/plan.pdf" >"$tmp/stdout" 2>"$tmp/err"
check_rc 1 $? "a folder that does not exist"
check_has "$tmp/err" "could not be written" "the message says the file could not be written"
mkdir "$out/a-folder"
"$keystone" -d "$db" export plan 1 "$out/a-folder" >"$tmp/stdout" 2>"$tmp/err"
check_rc 1 $? "a path that is a folder"
check_listing "a-folder " "no temporary file is left beside a folder"
rmdir "$out/a-folder"
printf 'x' >"$out/a-file"
"$keystone" -d "$db" export plan 1 "$out/a-file/plan.pdf" >"$tmp/stdout" 2>"$tmp/err"
check_rc 1 $? "a path under a file"
check_listing "a-file " "nothing is left under a file"
rm -f "$out/a-file"

# 8. Two accounts of the same name: named by id instead
"$keystone" -d "$db" import "$data/accounts-utf8.csv" --duplicates=keep >"$tmp/log" 2>&1
"$keystone" -d "$db" export plan "Acme, Inc." "$out/twice.pdf" >"$tmp/stdout" 2>"$tmp/err"
check_rc 1 $? "an ambiguous name"
check_has "$tmp/err" "More than one account is named “Acme, Inc.”" \
  "the message says so and how to choose"
check_listing "" "nothing is written for an ambiguous name"

# 9. Command lines that are wrong
"$keystone" -d "$db" export plan >"$tmp/stdout" 2>"$tmp/err"
check_rc 2 $? "export plan without an account"
"$keystone" -d "$db" export plan 1 >"$tmp/stdout" 2>"$tmp/err"
check_rc 2 $? "export plan without a file"
"$keystone" -d "$db" export plan 1 "$out/a.pdf" extra >"$tmp/stdout" 2>"$tmp/err"
check_rc 2 $? "export plan with one word too many"
"$keystone" -d "$db" export pdf "$out/a.pdf" >"$tmp/stdout" 2>"$tmp/err"
check_rc 2 $? "an unknown kind of export"
"$keystone" -d "$db" export csv "$out/a.csv" --leave-out swot >"$tmp/stdout" 2>"$tmp/err"
check_rc 2 $? "--leave-out with export csv"
check_listing "" "nothing is written for a wrong command line"
"$keystone" export --help >"$tmp/stdout" 2>"$tmp/err"
check_rc 0 $? "export --help"
check_has "$tmp/stdout" "--leave-out" "export --help lists --leave-out"

# 10. A database that is not one
printf 'this is not a database, but it is long enough to look like a file' >"$tmp/bad.db"
"$keystone" -d "$tmp/bad.db" export plan 1 "$out/bad.pdf" >"$tmp/stdout" 2>"$tmp/err"
check_rc 1 $? "a database that is not one"
check_listing "" "nothing is written from a bad database"

exit $status
