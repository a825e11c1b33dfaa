"""`python -m flows.cli`: the command line, as `broadsheet` runs it."""

from flows.cli import main

main()
