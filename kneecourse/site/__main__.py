"""``python -m kneecourse.site``: build the course website (see :mod:`kneecourse.site`)."""
import sys

from . import main

sys.exit(main())
