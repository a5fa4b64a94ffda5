#!/bin/sh
# ads_month_end_check
set -eu
echo "running ads_month_end_check for $1"
