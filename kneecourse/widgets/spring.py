"""Module 6 explorer: the spring-mass runner at a speed and step rate."""
from __future__ import annotations

import ipywidgets as W

from ..models.running_step import KNEE_CHECKED_TOP_SPEED_M_S, run_step
from ..runner import RUNNER
from ..views.spring import ForceCurveView, StanceView
from ._base import Explorer, slider

__all__ = ["SpringMassExplorer"]

N_FRAMES = 61  # odd: the middle frame is mid-stance


class SpringMassExplorer(Explorer):
    """Speed, step rate and leg stiffness -> stance, peak force, knee bend and PF force; play the stance."""

    caption = ("press ▶ to watch one stance; then raise the step rate by 10% at the same speed and compare "
               "the peak force, the knee bend and the patellofemoral force.")
    figsize = (8.6, 4.2)
    drag = {"control": "frame", "axis": "x"}  # scrub through the stance
    frame_control = "frame"

    def _controls(self):
        return {
            "speed_m_s": slider("speed", RUNNER.speed_m_s, 2.0, 6.0, 0.1, "m/s", ".1f", continuous=False),
            "step_rate_spm": slider("step rate", RUNNER.step_rate_spm, 150.0, 200.0, 1.0, "steps/min",
                                    continuous=False),
            "stiffness_scale": slider("leg stiffness × assumed", 1.0, 0.7, 1.5, 0.05, "", ".2f", continuous=False),
            "mass_kg": slider("body mass", RUNNER.mass_kg, 45.0, 110.0, 1.0, "kg", continuous=False),
            "frame": W.IntSlider(value=N_FRAMES // 2, min=0, max=N_FRAMES - 1, description="stance frame",
                                 style={"description_width": "initial"}, layout=W.Layout(width="34em")),
        }

    def _build(self, fig):
        gs = fig.add_gridspec(1, 2, width_ratios=(1, 1.2))
        self.stance = self.view(StanceView(fig.add_subplot(gs[0])))
        self.force = self.view(ForceCurveView(fig.add_subplot(gs[1])))

    def _compute(self, speed_m_s, step_rate_spm, stiffness_scale, mass_kg):
        # the precomputed periodic gaits (checked by integrating the stance) keep a slider step under 1 ms
        step = run_step(mass_kg, RUNNER.height_m, speed_m_s, step_rate_spm, stiffness_scale=stiffness_scale,
                        solver="table", n_points=N_FRAMES)
        return {"step": step, "traj": step["trajectory"], "speed": speed_m_s, "rate": step_rate_spm}

    def _draw(self, s):
        tr = s["traj"]
        self.stance.set_path(tr["x_m"], tr["y_m"])
        self.force.set_curve(1000 * tr["t_s"], tr["grf_y_bw"])
        own = s["step"]["preferred_step_rate_spm"]
        self.force.set_note(f"own step rate at {s['speed']:.1f} m/s:\nabout {own:.0f} steps/min "
                            f"({100 * (s['rate'] / own - 1):+.0f}%)")
        self._draw_frame(s)

    def _draw_frame(self, s, frame=None):
        i = min(self.controls["frame"].value if frame is None else frame, N_FRAMES - 1)
        tr = s["traj"]
        self.stance.update(tr["x_m"][i], tr["y_m"][i], tr["grf_x_n"][i], tr["grf_y_n"][i], tr["t_s"][i])
        self.force.update(i)

    def _describe(self, s):
        r = s["step"]
        return (f"contact <b>{1000 * r['contact_time_s']:.0f} ms</b>, flight {1000 * r['flight_time_s']:.0f} ms · "
                f"leg stiffness {r['leg_stiffness_n_per_m'] / 1000:.1f} kN/m · touchdown angle "
                f"{r['touchdown_angle_deg']:.1f}° · peak force <b>{r['peak_vgrf_bw']:.2f} BW</b> · "
                f"centre of mass drops {100 * r['com_drop_m']:.1f} cm · peak knee flexion "
                f"<b>{r['peak_knee_flexion_deg']:.0f}°</b> · PF force <b>{r['peak_pf_force_bw']:.1f} BW</b>"
                f"{self._trend_only(s)} · heel lands {100 * r['overstride_m']:.0f} cm ahead of the centre of mass")

    @staticmethod
    def _trend_only(s):
        """Faster than the knee part's data: the knee figures are a trend (said beside the PF force)."""
        if s["speed"] <= KNEE_CHECKED_TOP_SPEED_M_S + 1e-9:
            return ""
        return f" (<i>above {KNEE_CHECKED_TOP_SPEED_M_S:g} m/s an extrapolation: a trend, not a value</i>)"
