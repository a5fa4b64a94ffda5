#!/bin/sh
# legacy_gl_export
set -eu
echo "running legacy_gl_export for $1"
