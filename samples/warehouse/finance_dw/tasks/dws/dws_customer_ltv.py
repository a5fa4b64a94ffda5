# dws_customer_ltv
import sys

print('running dws_customer_ltv', sys.argv[1:])
