#!/bin/sh
# ads_spend_sync_10min
set -eu
echo "running ads_spend_sync_10min for $1"
