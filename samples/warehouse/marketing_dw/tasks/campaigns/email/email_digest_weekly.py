# email_digest_weekly
import sys

print('running email_digest_weekly', sys.argv[1:])
