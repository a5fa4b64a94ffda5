# backfill_fx_rates
import sys

print('running backfill_fx_rates', sys.argv[1:])
