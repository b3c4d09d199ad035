"""`python -m cchc …`: see cchc/cli.py."""

import sys

try:
    from cchc.cli import main
except KeyboardInterrupt:  # Ctrl-C while the program loads: nothing was started yet
    print("\nĐã dừng. / Stopped.", file=sys.stderr)
    sys.exit(130)

sys.exit(main())
