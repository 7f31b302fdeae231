#!/bin/sh
# `meson install` into a temporary DESTDIR: the files a package needs are there, and the
# installed program runs from them (its own translations, its own schema).
#   tests/install.sh MESON BUILD_ROOT PREFIX APP_ID
set -u
meson=$1
build=$2
prefix=$3
app_id=$4
. "$(dirname "$0")/tap.sh"
root=$tmp/root$prefix

if ! "$meson" install -C "$build" --no-rebuild --quiet --destdir "$tmp/root" \
     >"$tmp/log" 2>&1; then
  check fail "meson install: $(cat "$tmp/log")"
  echo "1..$n"
  exit 1
fi
check ok "meson install into a DESTDIR"

for file in \
  bin/keystone \
  share/applications/$app_id.desktop \
  share/metainfo/$app_id.metainfo.xml \
  share/icons/hicolor/scalable/apps/$app_id.svg \
  share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg \
  share/glib-2.0/schemas/$app_id.gschema.xml \
  share/locale/zh_CN/LC_MESSAGES/keystone.mo
do
  if [ -s "$root/$file" ]; then
    check ok "installs $file"
  else
    check fail "$file is not installed"
  fi
done

# Nothing of the tests, benchmarks or static libraries goes into a package.
extra=$(cd "$root" && find . -type f | grep -v -e '^\./bin/keystone$' \
          -e "^\./share/applications/$app_id\.desktop$" \
          -e "^\./share/metainfo/$app_id\.metainfo\.xml$" \
          -e "^\./share/icons/hicolor/" \
          -e "^\./share/glib-2.0/schemas/$app_id\.gschema\.xml$" \
          -e '^\./share/locale/[^/]*/LC_MESSAGES/keystone\.mo$')
if [ -z "$extra" ]; then
  check ok "installs nothing else"
else
  check fail "installs files no package wants: $extra"
fi

# The installed desktop file and metainfo carry the Chinese translation.
if grep -q '^Name\[zh_CN\]=' "$root/share/applications/$app_id.desktop" \
   && grep -q '^Keywords\[zh_CN\]=.*大客户' "$root/share/applications/$app_id.desktop"; then
  check ok "the desktop file has its Chinese name and keywords"
else
  check fail "the desktop file lacks Name[zh_CN] or Chinese Keywords"
fi
if grep -q 'xml:lang="zh_CN"' "$root/share/metainfo/$app_id.metainfo.xml"; then
  check ok "the metainfo has its Chinese text"
else
  check fail "the metainfo has no zh_CN text"
fi

# The installed program runs from there, with its installed translations: a command
# that needs no display, in Chinese.
unset DISPLAY WAYLAND_DISPLAY
version=$("$root/bin/keystone" --version 2>&1)
case $version in
  *[0-9].[0-9]*) check ok "the installed keystone runs: $version" ;;
  *) check fail "keystone --version printed: $version" ;;
esac
printf 'Name\n' >"$tmp/empty.csv"
LANGUAGE=zh_CN LANG=C.UTF-8 KEYSTONE_LOCALEDIR=$root/share/locale \
  "$root/bin/keystone" --database "$tmp/k.db" export csv "$tmp/out.csv" >"$tmp/out" 2>&1
if [ -s "$tmp/out.csv" ] && grep -q '导出' "$tmp/out"; then
  check ok "the installed keystone speaks Chinese from its installed catalogue"
else
  check fail "export csv in zh_CN printed: $(cat "$tmp/out")"
fi

echo "1..$n"
exit $status
