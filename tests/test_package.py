"""The package's shape: one-way layers, no import circle, a complete public API."""
import ast
import importlib
from pathlib import Path

import kneecourse as kc

PACKAGE = Path(kc.__file__).resolve().parent

#: layer -> the layers it may import (data -> models -> views -> widgets -> notebooks; see CONTRIBUTING.md)
ALLOWED = {
    "validation": set(),
    "units": {"validation"},
    "runner": set(),
    "safety": set(),
    "course": set(),
    "dataio": {"validation", "runner", "units", "safety"},
    "models": {"validation", "runner", "units", "dataio"},
    "views": {"validation", "runner", "units", "dataio", "models"},
    # the worked solutions are written as a learner writes them: `import kneecourse as kc`
    "selfcheck": {"validation", "runner", "units", "dataio", "models", "views", "course", "kneecourse"},
    # the workshop's class view service: reads the question bank to know what may be posted
    "classview": {"validation", "runner", "dataio", "course", "selfcheck"},
    "widgets": {"validation", "runner", "units", "safety", "dataio", "models", "views", "course", "selfcheck"},
    "cli": {"validation", "runner", "units", "safety", "dataio", "models", "views", "course", "selfcheck", "widgets",
            "kneecourse"},
}


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        yield name, path, is_package


def _imports(name, path, is_package):
    """(line, imported module) for every import of the course's own modules."""
    package = name.split(".") if is_package else name.split(".")[:-1]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "kneecourse":
                continue
            if node.module is None or target == "kneecourse":  # `from . import x`: x may be a module
                for alias in node.names:
                    sub = f"{target}.{alias.name}"
                    yield node.lineno, sub if importlib.util.find_spec(sub) is not None else target
            else:
                yield node.lineno, target
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "kneecourse":
                    yield node.lineno, alias.name


def _layer(module):
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "kneecourse"


def test_layers_only_import_downwards():
    wrong = []
    for name, path, is_package in _modules():
        layer = _layer(name)
        if layer in ("kneecourse", "__main__"):
            continue  # the public face and the command line's entry point may import anything
        for line, target in _imports(name, path, is_package):
            other = _layer(target)
            if other != layer and other not in ALLOWED[layer]:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {layer} imports {target}")
    assert not wrong, "imports against the layer rule (CONTRIBUTING.md):\n" + "\n".join(wrong)


def test_no_import_circle():
    # every import, also those inside functions (a circle held together by late imports is still a circle);
    # the package root is left out: it is the public face, and the worked solutions import it as a learner would
    graph = {}
    for name, path, is_package in _modules():
        if name == "kneecourse":
            continue
        graph[name] = {t for _, t in _imports(name, path, is_package) if t not in (name, "kneecourse")}
    state, path_ = {}, []

    def visit(node):
        state[node] = "open"
        path_.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                raise AssertionError("import circle: " + " -> ".join(path_[path_.index(nxt):] + [nxt]))
            if nxt in graph and nxt not in state:
                visit(nxt)
        path_.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node)


def test_public_api_is_complete_and_resolves():
    for name in ("body_com", "slip_stance", "run_step", "acwr", "coupled_tibial_rotation", "patellofemoral_force",
                 "lateral_patellar_force", "build_program", "read_runs", "quiz", "prediction", "red_flags_html"):
        assert name in kc.__all__, name
    assert len(set(kc.__all__)) == len(kc.__all__), "a name listed twice"
    for name in kc.__all__:
        assert getattr(kc, name) is not None, name
    from kneecourse import models

    assert set(models.__all__) <= set(kc.__all__)
    for name in models.__all__:
        assert getattr(kc, name) is getattr(models, name)


def test_models_list_their_names_explicitly():
    for name, path, _ in _modules():
        if _layer(name) != "models" or path.name == "pchip.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        alls = [n for n in tree.body if isinstance(n, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in n.targets)]
        assert alls and isinstance(alls[0].value, ast.List), f"{name}: __all__ must be a written list"
        assert all(isinstance(e, ast.Constant) for e in alls[0].value.elts), f"{name}: __all__ must list names"


def test_import_stays_light():
    # drawing, explorers, self-checks and the command line load on first use, not with `import kneecourse`
    import subprocess
    import sys

    code = ("import sys, kneecourse; heavy = [m for m in ('ipywidgets', 'kneecourse.widgets', 'kneecourse.selfcheck', "
            "'kneecourse.cli', 'kneecourse.views') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
