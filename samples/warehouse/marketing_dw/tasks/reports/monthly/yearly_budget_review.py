# yearly_budget_review
import sys

print('running yearly_budget_review', sys.argv[1:])
