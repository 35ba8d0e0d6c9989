"""``python -m kneecourse``: the course's command line (see :mod:`kneecourse.cli`)."""
import sys

from .cli import main

sys.exit(main())
