#!/bin/sh
# ads_board_report
set -eu
echo "running ads_board_report for $1"
