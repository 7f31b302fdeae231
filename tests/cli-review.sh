#!/bin/sh
# keystone export review as a user types it, with no display: every error, and nothing
# left behind by a failed export.
#   tests/cli-review.sh KEYSTONE
set -u
keystone=$1
# TAP output, $tmp, $db, $out and the checks
. "$(dirname "$0")/tap-files.sh"

echo "1..49"

# A portfolio of two owners, Chinese and Latin names
cat >"$tmp/accounts.csv" <<'CSV'
Name,Owner,Currency,Annual purchases
华东精密机械有限公司,王磊,CNY,1200000
Northwind Logistics Ltd,David Miller,EUR,350000
深圳市腾飞电子科技,王磊,CNY,500000
CSV
"$keystone" --database "$db" import "$tmp/accounts.csv" >"$tmp/log" 2>&1
check_rc 0 $? "import of the accounts"

# 1. The whole portfolio, this quarter
"$keystone" --database "$db" export review "$out/review.pdf" >"$tmp/stdout" 2>"$tmp/err"
check_rc 0 $? "export review"
check_has "$tmp/stdout" "Wrote “Quarterly Review " "it says what it wrote"
check_pdf "$out/review.pdf" "the PDF is whole"
check_pdf_text "$out/review.pdf" "华东精密机械有限公司" "the PDF names the Chinese account"
check_pdf_text "$out/review.pdf" "Northwind Logistics Ltd" "the PDF names the Latin account"
check_pdf_text "$out/review.pdf" "Target Attainment" "the PDF has the attainment section"
check_pdf_text "$out/review.pdf" "Risk Warnings" "the PDF has the risk section"
check_listing "review.pdf " "no temporary file is left beside it"
rm -f "$out"/*

# 2. An earlier quarter, in lower case
"$keystone" -d "$db" export review "$out/q.pdf" --quarter 2020-q1 >"$tmp/stdout" 2>"$tmp/err"
check_rc 0 $? "export review --quarter 2020-q1"
check_has "$tmp/stdout" "Quarterly Review 2020-Q1" "it names the quarter"
check_pdf_text "$out/q.pdf" "1 January 2020 to 31 March 2020" "the PDF covers that quarter"
rm -f "$out"/*

# 3. One owner, by name in any case
"$keystone" -d "$db" export review "$out/wang.pdf" --owner 王磊 >"$tmp/stdout" 2>"$tmp/err"
check_rc 0 $? "export review --owner in Chinese"
check_pdf_text "$out/wang.pdf" "深圳市腾飞电子科技" "the owner's accounts are in it"
check_pdf_text "$out/wang.pdf" "Northwind Logistics Ltd" "another owner's account is not" absent
"$keystone" -d "$db" export review "$out/miller.pdf" --owner "david miller" \
  >"$tmp/stdout" 2>"$tmp/err"
check_rc 0 $? "export review --owner in another case"
check_has "$tmp/stdout" "Quarterly Review " "it says what it wrote"
check_has "$tmp/stdout" ": David Miller" "it spells the owner as the team does"
check_pdf_text "$out/miller.pdf" "华东精密机械有限公司" "the other owner's account is not in it" absent
rm -f "$out"/*

# 4. Quarters that are not one, or have not begun: nothing written
for quarter in 2026-Q5 next "" 1999-Q4; do
  "$keystone" -d "$db" export review "$out/bad.pdf" --quarter "$quarter" \
    >"$tmp/stdout" 2>"$tmp/err"
  check_rc 1 $? "--quarter “$quarter”"
done
check_has "$tmp/err" "Type a quarter like 2026-Q3" "the message shows the form"
"$keystone" -d "$db" export review "$out/bad.pdf" --quarter 2100-Q4 >"$tmp/stdout" 2>"$tmp/err"
check_rc 1 $? "a quarter that has not begun"
check_has "$tmp/err" "2100-Q4 has not begun" "the message says so"
check_listing "" "nothing is written for a bad quarter"
"$keystone" -d "$tmp/new.db" export review "$out/bad.pdf" --quarter soon \
  >"$tmp/stdout" 2>"$tmp/err"
check_rc 1 $? "a bad quarter and a new database"
[ ! -e "$tmp/new.db" ] && check ok "no database is made for a bad quarter" \
  || check fail "a database was made for a bad quarter"

# 5. An owner who is not on the team
"$keystone" -d "$db" export review "$out/none.pdf" --owner "No Such Person" \
  >"$tmp/stdout" 2>"$tmp/err"
check_rc 1 $? "an unknown owner"
check_has "$tmp/err" "No team member is called “No Such Person”" "the message names them"
check_has "$tmp/err" "王磊" "the message lists the owners"
check_listing "" "nothing is written for an unknown owner"

# 6. An existing file stays as it was when the export fails
printf 'old contents' >"$out/keep.pdf"
"$keystone" -d "$db" export review "$out/keep.pdf" --owner nobody >"$tmp/stdout" 2>"$tmp/err"
check_rc 1 $? "a failed export over an existing file"
[ "$(cat "$out/keep.pdf")" = "old contents" ] && check ok "the existing file is untouched" \
  || check fail "the existing file changed"
rm -f "$out/keep.pdf"

# 7. Paths that cannot be written: nothing left behind
"$keystone" -d "$db" export review "$out/no-such-folder/review.pdf" >"$tmp/stdout" 2>"$tmp/err"
check_rc 1 $? "a folder that does not exist"
check_has "$tmp/err" "could not be written" "the message says the file could not be written"
mkdir "$out/a-folder"
"$keystone" -d "$db" export review "$out/a-folder" >"$tmp/stdout" 2>"$tmp/err"
check_rc 1 $? "a path that is a folder"
check_listing "a-folder " "no temporary file is left beside a folder"
rmdir "$out/a-folder"
printf 'x' >"$out/a-file"
"$keystone" -d "$db" export review "$out/a-file/review.pdf" >"$tmp/stdout" 2>"$tmp/err"
check_rc 1 $? "a path under a file"
check_listing "a-file " "nothing is left under a file"
rm -f "$out/a-file"

# 8. Command lines that are wrong
"$keystone" -d "$db" export review >"$tmp/stdout" 2>"$tmp/err"
check_rc 2 $? "export review without a file"
"$keystone" -d "$db" export review "$out/a.pdf" extra >"$tmp/stdout" 2>"$tmp/err"
check_rc 2 $? "export review with one word too many"
"$keystone" -d "$db" export review "$out/a.pdf" --leave-out swot >"$tmp/stdout" 2>"$tmp/err"
check_rc 2 $? "--leave-out with export review"
"$keystone" -d "$db" export csv "$out/a.csv" --quarter 2026-Q1 >"$tmp/stdout" 2>"$tmp/err"
check_rc 2 $? "--quarter with export csv"
"$keystone" -d "$db" export plan 1 "$out/a.pdf" --owner 王磊 >"$tmp/stdout" 2>"$tmp/err"
check_rc 2 $? "--owner with export plan"
check_listing "" "nothing is written for a wrong command line"
"$keystone" export --help >"$tmp/stdout" 2>"$tmp/err"
check_rc 0 $? "export --help"
check_has "$tmp/stdout" "--quarter" "export --help lists --quarter and --owner"

exit $status
