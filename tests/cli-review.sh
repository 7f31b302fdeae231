#!/bin/sh
# keystone export review as a user types it, with no display: every error, and nothing
# left behind by a failed export.
#   tests/cli-review.sh KEYSTONE
set -u
keystone=$1
status=0
n=0

unset DISPLAY WAYLAND_DISPLAY
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
db=$tmp/keystone.db
out=$tmp/out
mkdir "$out"

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

# check_listing EXPECTED WHAT: the files in $out, sorted, on one line
check_listing () {
  listing=$(ls -A "$out" | sort | tr '\n' ' ')
  if [ "$listing" = "$1" ]; then
    check ok "$2"
  else
    check fail "$2: the folder has “$listing”, expected “$1”"
  fi
}

# check_pdf FILE WHAT: a whole PDF
check_pdf () {
  if [ -s "$1" ] && head -c 5 "$1" | grep -q '^%PDF-' && tail -c 1024 "$1" | grep -q '%%EOF'; then
    check ok "$2"
  else
    check fail "$2: $1 is not a whole PDF"
  fi
}

# check_pdf_text FILE TEXT WHAT [absent]
check_pdf_text () {
  if ! command -v pdftotext >/dev/null 2>&1; then
    skip "pdftotext not found: $3"
    return
  fi
  rm -f "$tmp/text"
  if ! pdftotext "$1" "$tmp/text" 2>/dev/null; then
    check fail "$3: $1 cannot be read"
    return
  fi
  if grep -qF -- "$2" "$tmp/text"; then found=yes; else found=no; fi
  if [ "${4:-}" = absent ]; then
    [ $found = no ] && check ok "$3" || check fail "$3: “$2” is in the PDF"
  else
    [ $found = yes ] && check ok "$3" || check fail "$3: no “$2” in the PDF"
  fi
}

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
