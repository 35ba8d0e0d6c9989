"""Test-session set-up shared by the unit tests and the notebook (nbval) runs.

Kernels started by nbval inherit this environment, so no test ever writes to
the learner's real course folder.
"""
import os
import tempfile

from hypothesis import settings

# Property tests and fuzzing run the same examples on every machine, so a CI run is reproducible;
# set KNEECOURSE_HYPOTHESIS=explore locally to search with fresh random examples.
settings.register_profile("course", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("explore", deadline=None, print_blob=True)
settings.load_profile(os.environ.get("KNEECOURSE_HYPOTHESIS", "course"))

os.environ["KNEECOURSE_HOME"] = tempfile.mkdtemp(prefix="kneecourse-test-home-")
