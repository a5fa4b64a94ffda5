# ods_fx_rates_di
import sys

print('running ods_fx_rates_di', sys.argv[1:])
