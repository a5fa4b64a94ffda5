# weekly_marketing_report
import sys

print('running weekly_marketing_report', sys.argv[1:])
