# tap-files.sh — sourced by the tests of what keystone writes (cli-export.sh,
# cli-review.sh): TAP output, a temporary folder with $db and an empty $out, and checks
# of exit codes, messages, the files left in $out and the PDFs written.
. "$(dirname "$0")/tap.sh"

unset DISPLAY WAYLAND_DISPLAY
db=$tmp/keystone.db
out=$tmp/out
mkdir "$out"

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
