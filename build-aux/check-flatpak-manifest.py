#!/usr/bin/env python3
"""Check the Flatpak manifest as flatpak-builder reads it.

Usage: check-flatpak-manifest.py MANIFEST APP_ID

Parses MANIFEST with `flatpak-builder --show-manifest` (exit 77, "skipped",
when flatpak-builder is not installed) and checks the app ID, the command, the
name of the last module and that the sandbox permissions are exactly the
allowed ones: no file system, no network.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77

ALLOWED_FINISH_ARGS = [
    '--share=ipc',
    '--socket=fallback-x11',
    '--socket=wayland',
    '--device=dri',
]


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    manifest = os.path.abspath(sys.argv[1])
    app_id = sys.argv[2]

    builder = shutil.which('flatpak-builder')
    if builder is None:
        print('flatpak-builder not found: skipped')
        return SKIP

    # flatpak-builder creates .flatpak-builder/ in its working folder.
    with tempfile.TemporaryDirectory(prefix='keystone-flatpak-') as tmp:
        proc = subprocess.run([builder, '--show-manifest', manifest],
                              cwd=tmp, capture_output=True, text=True)
    if proc.returncode != 0:
        print(f'flatpak-builder --show-manifest failed ({proc.returncode}):',
              file=sys.stderr)
        print(proc.stderr, file=sys.stderr)
        return 1

    data = json.loads(proc.stdout)
    errors = []

    got_id = data.get('id', data.get('app-id'))
    if got_id != app_id:
        errors.append(f'app ID is {got_id!r}, expected {app_id!r}')

    if data.get('command') != 'keystone':
        errors.append(f"command is {data.get('command')!r}, expected 'keystone'")

    modules = data.get('modules') or []
    last = modules[-1] if modules else None
    last_name = last.get('name') if isinstance(last, dict) else last
    if last_name != 'keystone':
        errors.append(f"last module is {last_name!r}, expected 'keystone'")

    finish_args = data.get('finish-args') or []
    extra = sorted(set(finish_args) - set(ALLOWED_FINISH_ARGS))
    missing = sorted(set(ALLOWED_FINISH_ARGS) - set(finish_args))
    if extra:
        errors.append('finish-args not allowed: ' + ' '.join(extra))
    if missing:
        errors.append('finish-args missing: ' + ' '.join(missing))
    if len(finish_args) != len(set(finish_args)):
        errors.append('finish-args has duplicates')

    for error in errors:
        print(f'{manifest}: {error}', file=sys.stderr)
    if not errors:
        print(f'{os.path.basename(manifest)}: ok')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
