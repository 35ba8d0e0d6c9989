"""``python -m kneecourse.classview``: the class view service, as the hub starts it."""
from .service import main

main()
