"""Explorers drawn in the browser, driven headless: the spec, the kernel's frame, tables of frames, the
learner's moves. The same explorer's still figure and its browser frames come from one drawing."""
import ipywidgets as W
import numpy as np
import pytest

from kneecourse.course.explorers import EXPLORERS
from kneecourse.views.scene import record_frame
from kneecourse.widgets import PatellofemoralExplorer, SpringMassExplorer, TrackingExplorer
from kneecourse.widgets import __getattr__ as explorer_class
from kneecourse.widgets.live import LiveFigure, control_spec, positions


def test_positions_of_each_kind_of_control():
    assert positions(W.FloatSlider(value=0.5, min=0.0, max=1.0, step=0.25)) == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert positions(W.IntSlider(value=2, min=0, max=8, step=2)) == [0, 2, 4, 6, 8]
    assert positions(W.Checkbox()) == [False, True]
    assert positions(W.Dropdown(options=[("rolling", "r"), ("EWMA", "e")])) == ["r", "e"]
    assert positions(W.FloatSlider(min=0.02, max=0.3, step=0.01))[-1] == 0.3  # rounded as the browser does
    with pytest.raises(TypeError, match="slider, checkbox or selection"):
        positions(W.Text())


def test_control_spec_names_kind_label_and_range():
    spec = control_spec("knee", W.FloatSlider(value=30, min=0, max=120, step=1, description="knee flexion (deg)"))
    assert spec == {"kind": "range", "min": 0.0, "max": 120.0, "step": 1.0, "n": 121, "fmt": ".2f",
                    "name": "knee", "label": "knee flexion (deg)"}
    assert control_spec("f", W.IntSlider(max=60), play_interval_ms=60)["play"] == {"interval": 60}
    assert control_spec("m", W.ToggleButtons(options=["km", "mi"]))["labels"] == ["km", "mi"]


@pytest.mark.parametrize("explorer", EXPLORERS, ids=[e.app for e in EXPLORERS])
def test_every_explorer_goes_live_with_its_fixed_layer_and_current_frame(explorer):
    e = explorer_class(explorer.cls)()
    live = e.live()
    assert isinstance(live, LiveFigure) and e.live() is live
    assert [c["name"] for c in live.spec["controls"]] == list(e.controls)
    assert live.spec["width"] == e.fig.bbox.width and live.spec["height"] == e.fig.bbox.height
    assert live.spec["alt"].startswith(e._name())
    assert live.background[:8] == b"\x89PNG\r\n\x1a\n"
    (frame,) = live.frame["frames"]
    assert frame["paths"] and frame["readout"] == e.readout.value == live.readout
    assert live.values == {k: c.value for k, c in e.controls.items()}


@pytest.mark.parametrize("explorer", EXPLORERS, ids=[e.app for e in EXPLORERS])
def test_a_table_frame_is_the_frame_the_kernel_draws_at_that_value(explorer):
    """The drag shows exactly what the explorer shows when the control is set to that value."""
    e = explorer_class(explorer.cls)()
    e.live()
    name = explorer.control
    before = (dict(e.state) if isinstance(e.state, dict) else e.state, e.readout.value, e.live().frame)
    table, basis, used = e.frame_table(name)
    grid = positions(e.controls[name])
    assert len(table.frames) == len(grid)
    assert basis == {k: c.value for k, c in e.controls.items() if k != name}
    assert e.readout.value == before[1] and e.live().frame == before[2]  # building a table changes nothing
    packed = table.pack()
    for k in (0, len(grid) // 2, len(grid) - 1):
        e.set(**{name: grid[k]})
        now = e.live().frame
        assert packed["frames"][k]["readout"] == e.readout.value
        ids = packed["frames"][k]["paths"]
        assert len(ids) == len(now["frames"][0]["paths"])
        assert [[packed["styles"][s], *rest] for s, *rest in (packed["texts"][i] for i in packed["frames"][k]["texts"])
                ] == [[now["styles"][s], *rest] for s, *rest in (now["texts"][i] for i in now["frames"][0]["texts"])]
        mine = np.frombuffer(packed["verts"], "<i2").reshape(-1, 2)
        theirs = np.frombuffer(now["verts"], "<i2").reshape(-1, 2)
        p_mine = np.frombuffer(packed["paths"], "<i4").reshape(-1, 4)
        p_theirs = np.frombuffer(now["paths"], "<i4").reshape(-1, 4)
        for a, b in zip(ids, now["frames"][0]["paths"]):
            _, v0, n, _ = p_mine[a]
            _, w0, m, _ = p_theirs[b]
            np.testing.assert_array_equal(mine[v0:v0 + n], theirs[w0:w0 + m])


def test_a_move_drawn_from_the_table_updates_the_state_but_sends_no_frame():
    e = PatellofemoralExplorer()
    live = e.live()
    frame, layout = live.frame, live.layout
    e._browser_set({**live.values, "knee_flexion_deg": 75.0}, final=False, tabled=True)
    assert e.controls["knee_flexion_deg"].value == 75.0 and e.state["knee_flexion_deg"] == 75.0
    assert "PF stress" in e.readout.value
    assert live.frame == frame  # the browser drew it: nothing to send
    e._browser_set({**live.values, "knee_flexion_deg": 75.0}, final=True, tabled=True)
    assert live.frame != frame and live.layout == layout
    assert live.values["knee_flexion_deg"] == 75.0
    # without a table the kernel draws every move it hears
    e._browser_set({**live.values, "knee_flexion_deg": 80.0}, final=False, tabled=False)
    assert live.frame["frames"][0]["readout"] == e.readout.value


def test_hostile_or_broken_messages_from_the_browser_change_nothing():
    e = TrackingExplorer()
    live = e.live()
    state, values = e.state, dict(live.values)
    for content in (None, "set", {"kind": "nope"}, {"kind": "set", "values": {"not_a_control": 3}},
                    {"kind": "set", "values": {"vmo_share": "lots"}, "final": True},
                    {"kind": "want", "control": "not_a_control"}):
        live._handle(live, content, [])
    assert e.state is state and dict(live.values) == values and e.error is None


def test_the_browser_gets_a_table_with_its_backgrounds_on_request(monkeypatch):
    e = PatellofemoralExplorer()
    live = e.live()
    sent = []
    monkeypatch.setattr(live, "send", lambda content, buffers=None: sent.append((content, buffers)))
    live._handle(live, {"kind": "want", "control": "knee_moment_nm"}, [])
    (coarse, _), (content, buffers) = sent  # a coarse table first, so the drag moves sooner, then the whole one
    n = len(positions(e.controls["knee_moment_nm"]))
    assert coarse["stride"] == 3 and len(coarse["header"]["frames"]) == -(-n // 3)
    assert content["kind"] == "table" and content["control"] == "knee_moment_nm" and content["stride"] == 1
    assert len(content["header"]["frames"]) == n
    # the stress axis rescales as the moment grows: its ticks are drawn with the frames over one fixed layer
    assert len(content["backgrounds"]) == 1 and len(buffers) == 4 and buffers[3][:4] == b"\x89PNG"
    texts = content["header"]["texts"]
    words = lambda f: {texts[i][-1] for i in f["texts"]}  # noqa: E731
    first, last = content["header"]["frames"][0], content["header"]["frames"][-1]
    assert "20" in words(last) - words(first)  # a stress tick that only the heavy end of the range needs


def test_a_position_the_model_cannot_do_is_an_error_frame_not_a_crash():
    e = PatellofemoralExplorer()
    e.live()
    real = e._compute

    def picky(**kw):
        if kw["knee_flexion_deg"] > 100:
            raise ValueError("knee_flexion_deg = 101 deg is beyond this model")
        return real(**kw)

    e._compute = picky
    table, _, _ = e.frame_table("knee_flexion_deg")
    assert "beyond this model" in table.frames[110]["error"] and not table.frames[110]["paths"]
    assert "error" not in table.frames[50]


def test_the_stance_plays_from_a_table_of_frames_without_recomputing():
    e = SpringMassExplorer()
    live = e.live()
    assert [c for c in live.spec["controls"] if c["name"] == "frame"][0]["play"]["interval"] > 0
    state = e.state
    table, _, _ = e.frame_table("frame")
    assert e.state is state and len(table.frames) == e.controls["frame"].max + 1
    assert len({tuple(f["paths"]) for f in table.frames}) > 50  # the runner moves in every frame


def test_the_still_figure_is_the_live_drawing():
    """After a move the still image (savefig) holds the artists the browser drew as that frame."""
    e = PatellofemoralExplorer()
    live = e.live()
    e._browser_set({**live.values, "knee_flexion_deg": 90.0}, final=True, tabled=True)
    again = record_frame(e.fig, e._dynamic_artists())
    assert [t[-1] for t in again.texts] == [live.frame["texts"][i][-1] for i in live.frame["frames"][0]["texts"]]


def test_the_frame_of_a_move_drawn_from_a_table_is_taken_from_it_not_drawn_again(monkeypatch):
    import kneecourse.widgets._base as base

    e = PatellofemoralExplorer()
    live = e.live()
    table, _, _ = e.frame_table("knee_flexion_deg")
    calls = []
    real = base.record_frame
    monkeypatch.setattr(base, "record_frame", lambda *a: calls.append(1) or real(*a))
    e._browser_set({**live.values, "knee_flexion_deg": 75.0}, final=True, tabled=True)
    assert not calls and live.frame["frames"][0]["readout"] == table.frames[75]["readout"]
    e.set(mass_kg=80.0)  # a change from Python: the table no longer holds this state, the frame is drawn
    assert calls


def test_a_control_with_few_positions_gets_its_whole_table_at_once():
    e = PatellofemoralExplorer()
    replies = list(e.frame_table_messages("weight_bearing"))
    assert [r[0]["stride"] for r in replies] == [1]
    assert list(e.frame_table_messages("not_a_control")) == []


def _table_words(content):
    texts = content["header"]["texts"]
    return [[texts[i][-1] for i in f["texts"]] for f in content["header"]["frames"]]


def test_messages_handled_at_once_on_two_threads_do_not_mix_their_drawings():
    """JupyterLab 4 with ipykernel 7 hands widget messages to a subshell: a table asked for on one thread and
    moves handled on another ran at the same time over the same figure, and a table row came out with another
    state's labels (module 4: "working Q = 14°" in the row of 19°, drawn at 19° with no warning). Each message
    now has the explorer to itself: every row of every table is what a table made alone gives."""
    import threading

    e = TrackingExplorer()
    live = e.live()
    alone = _table_words(e.frame_table_message("static_q_deg")[0])
    sent, errors = [], []
    live.send = lambda content, buffers=None: sent.append(content)
    start = threading.Barrier(2)

    def tables():
        start.wait()
        for _ in range(6):
            live._handle(live, {"kind": "want", "control": "static_q_deg"}, [])
            e._frames.clear()

    def moves():
        start.wait()
        try:
            for k in range(300):
                live._handle(live, {"kind": "set", "values": {**live.values, "knee_flexion_deg": 20.0 + k % 40},
                                    "final": k % 7 == 0, "tabled": False}, [])
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=tables), threading.Thread(target=moves)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    got = [c for c in sent if c.get("kind") == "table"]
    assert len(got) == 6
    for c in got:
        flexion = c["basis"]["knee_flexion_deg"]
        e2 = TrackingExplorer()
        e2.set(knee_flexion_deg=flexion)
        assert _table_words(c) == _table_words(e2.frame_table_message("static_q_deg")[0]), (
            f"a table made beside moves differs from one made alone at knee flexion {flexion}")
    assert alone[14][0] == "working Q = 14°" and alone[19][0] == "working Q = 19°"
