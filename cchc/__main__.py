"""`python -m cchc …`: see cchc/cli.py."""

import sys

from cchc.cli import main

sys.exit(main())
