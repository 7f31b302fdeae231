#!/bin/sh
# Checks the translations: every file named in po/POTFILES exists, every language
# in po/LINGUAS has a .po file that compiles, with no untranslated or fuzzy message.
#
#   po/check-po.sh [--sources] [SRCDIR]
#
# SRCDIR is the top source folder (default: the parent of this script's folder).
# With --sources it also extracts the strings of the POTFILES (as `meson compile
# keystone-pot` does) and fails when a .po lacks one of them, i.e. when the catalogue
# needs `meson compile -C build keystone-update-po` and new translations.
# Exit status: 0 passed, 1 failed, 77 skipped (no gettext tools).
set -u

sources=no
if [ "${1-}" = --sources ]; then
  sources=yes
  shift
fi
srcdir=${1:-$(dirname "$0")/..}
podir=$srcdir/po
package=keystone
status=0

fail () {
  printf '%s\n' "$@" >&2
  status=1
}

if ! command -v msgfmt >/dev/null 2>&1; then
  echo "msgfmt not found: skipped"
  exit 77
fi

# 1. Every file listed in POTFILES exists.
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    '' | '#'*) continue ;;
  esac
  [ -f "$srcdir/$line" ] || fail "po/POTFILES: $line does not exist"
done < "$podir/POTFILES"

# 2. Optionally, the template of the current sources.
tmpdir=
if [ $sources = yes ] && [ $status -eq 0 ]; then
  tmpdir=$(mktemp -d) || exit 1
  trap 'rm -rf "$tmpdir"' EXIT
  # The same options as meson's i18n.gettext(preset: 'glib').
  if ! xgettext --package-name=$package -f "$podir/POTFILES" -D "$srcdir" \
      -o "$tmpdir/$package.pot" --from-code=UTF-8 --add-comments \
      -k_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
      --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
      --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
      --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
      --flag=g_set_error:4:c-format --flag=g_error_new:3:c-format; then
    fail "xgettext failed on the files of po/POTFILES"
  fi
fi

# 3. Every language is complete.
while IFS= read -r lang || [ -n "$lang" ]; do
  case $lang in
    '' | '#'*) continue ;;
  esac
  po=$podir/$lang.po
  if [ ! -f "$po" ]; then
    fail "po/LINGUAS names $lang but po/$lang.po does not exist"
    continue
  fi
  if ! stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1); then
    fail "po/$lang.po does not compile:" "$stats"
    continue
  fi
  case $stats in
    *untranslated* | *fuzzy*) fail "po/$lang.po is not complete: $stats" ;;
    *) echo "po/$lang.po: $stats" ;;
  esac
  if [ -n "$tmpdir" ] && [ -f "$tmpdir/$package.pot" ]; then
    msgmerge -q --no-fuzzy-matching -o "$tmpdir/$lang.po" "$po" "$tmpdir/$package.pot" || {
      fail "msgmerge failed on po/$lang.po"
      continue
    }
    merged=$(LC_ALL=C msgfmt --statistics -o /dev/null "$tmpdir/$lang.po" 2>&1)
    case $merged in
      *untranslated* | *fuzzy*)
        fail "po/$lang.po lacks strings of the sources ($merged);" \
          "run meson compile -C build $package-update-po, then translate:" \
          "$(msgattrib --untranslated --no-obsolete --no-wrap "$tmpdir/$lang.po" |
            grep '^msgid "..*"$')"
        ;;
    esac
  fi
done < "$podir/LINGUAS"

exit $status
