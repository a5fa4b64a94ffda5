# dq_orders_check
import sys

print('running dq_orders_check', sys.argv[1:])
