"""Test-session set-up shared by the unit tests and the notebook (nbval) runs.

Kernels started by nbval inherit this environment, so no test ever writes to
the learner's real course folder.
"""
import os
import tempfile

os.environ["KNEECOURSE_HOME"] = tempfile.mkdtemp(prefix="kneecourse-test-home-")
