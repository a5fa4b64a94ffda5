# ads_quarter_close
import sys

print('running ads_quarter_close', sys.argv[1:])
