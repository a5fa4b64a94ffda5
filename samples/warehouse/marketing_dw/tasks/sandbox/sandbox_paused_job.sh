#!/bin/sh
# sandbox_paused_job
set -eu
echo "running sandbox_paused_job for $1"
