"""Every notebook runs twice in one kernel, opens no network connection and writes only where allowed."""
import json

import nbformat
import pytest
from nbclient import NotebookClient

from ..conftest import NOTEBOOKS

pytestmark = pytest.mark.slow

GUARD = r'''
import os, socket, sys, tempfile
_violations = []
_real_connect = socket.socket.connect
def _guarded_connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        host = address[0]
        if not (host.startswith("127.") or host in ("localhost", "::1")):
            _violations.append(("network", address))
            raise OSError(f"network access to {address} blocked by the test")
    return _real_connect(self, address)
socket.socket.connect = _guarded_connect
import matplotlib, IPython
_allowed = [os.path.realpath(p) for p in (os.environ["KNEECOURSE_HOME"], tempfile.gettempdir(),
            matplotlib.get_cachedir(), IPython.paths.get_ipython_dir(), "/dev")]
def _audit(event, args):
    if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
        mode, flags = args[1], args[2] if len(args) > 2 else 0
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or bool(
            flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))
        if writing:
            path = os.path.realpath(os.fsdecode(args[0]))
            if not any(path == a or path.startswith(a + os.sep) for a in _allowed):
                _violations.append(("write", path))
sys.addaudithook(_audit)
'''

CHECK = (
    'assert not _violations, _violations\n'
    # peak resident memory of the kernel (target: 250 MB per notebook; this kernel ran it twice)
    # Linux: VmHWM of this process (getrusage's ru_maxrss would carry over the forking parent's peak)
    'try:\n'
    '    peak = [int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM")][0] / 1024\n'
    'except OSError:  # macOS: ru_maxrss in bytes; Windows: not measured\n'
    '    try:\n        import resource\n        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20\n'
    '    except ImportError:\n        peak = 0\n'
    'print("clean", round(peak))'
)
#: peak kernel memory allowed per notebook (MB); measured 102-144 MB for one run
PEAK_RSS_MB = 250


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_runs_twice_offline_and_writes_only_to_user_folder(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    nb.cells = [nbformat.v4.new_code_cell(GUARD)] + code + [nbformat.from_dict(json.loads(json.dumps(c))) for c in code]
    nb.cells.append(nbformat.v4.new_code_cell(CHECK))
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    # the check prints on stdout; a busy machine can add a warning on stderr before it
    printed = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.get("name") == "stdout").split()
    assert len(printed) == 2, f"{path.name}: the check printed {nb.cells[-1].outputs}"
    word, peak = printed
    assert word == "clean"
    print(f"{path.name}: peak kernel memory {peak} MB")
    assert int(peak) <= PEAK_RSS_MB, f"{path.name}: the kernel peaked at {peak} MB (target {PEAK_RSS_MB} MB)"


def test_guard_catches_network_and_stray_writes(tmp_path):
    stray = tmp_path / "stray-write-guard-test.txt"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(GUARD), nbformat.v4.new_code_cell(
        # narrow the allowed folders to the course folder, so a write to tmp_path counts as stray
        "_allowed[:] = [os.path.realpath(os.environ['KNEECOURSE_HOME'])]\n"
        "import socket\n"
        "try:\n    socket.create_connection(('192.0.2.1', 80), timeout=0.2)\nexcept OSError:\n    pass\n"
        f"open({str(stray)!r}, 'w').close()\n"
        "print(sorted({kind for kind, _ in _violations}))")]
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    assert nb.cells[-1].outputs[0]["text"].strip() == "['network', 'write']"
