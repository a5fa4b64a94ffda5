# email_send_log_2h
import sys

print('running email_send_log_2h', sys.argv[1:])
