"""Modules 3 and 4 explorers: patellofemoral load vs knee angle, and patellar tracking."""
from __future__ import annotations

import ipywidgets as W
import numpy as np

from ..models.extensor import quadriceps_moment_arm
from ..models.patellofemoral import patellofemoral_contact_area, patellofemoral_loading, pfjrf_ratio
from ..models.tracking import STATIC_Q_DEG, balanced_vmo_share, patellar_tracking
from ..runner import RUNNER
from ..units import to_mm, to_mm2, to_mpa
from ..views.patella import CurvesView, FacetBarsView, FrontalKneeView, PulleyView
from ._base import Explorer, slider

__all__ = ["PatellofemoralExplorer", "TrackingExplorer"]

_THETA = np.linspace(0.0, 120.0, 121)


class PatellofemoralExplorer(Explorer):
    """The patella as a pulley: force, contact area and stress vs knee flexion."""

    caption = ("keep the knee moment fixed and bend the knee: the quadriceps force rises (shorter lever), "
               "more of it presses the patella into the femur (k grows), and the contact area only "
               "partly keeps up.")
    figsize = (8.6, 4.8)
    drag = {"control": "knee_flexion_deg", "axis": "x"}

    def _controls(self):
        return {
            "knee_flexion_deg": slider("knee flexion", 30.0, 0.0, 120.0, 1.0, "deg"),
            "knee_moment_nm": slider("knee extensor moment", 100.0, 0.0, 250.0, 5.0, "N·m"),
            "mass_kg": slider("body mass", RUNNER.mass_kg, 40.0, 120.0, 1.0, "kg"),
            "weight_bearing": W.Checkbox(value=True, description="weight-bearing contact area (+24%)",
                                         indent=False, layout=W.Layout(width="auto")),
        }

    def _build(self, fig):
        gs = fig.add_gridspec(2, 2, width_ratios=(1, 1.3))
        self.pulley = self.view(PulleyView(fig.add_subplot(gs[:, 0])))
        self.curves = self.view(CurvesView(fig.add_subplot(gs[0, 1]), fig.add_subplot(gs[1, 1]), _THETA,
                                 pfjrf_ratio(_THETA), to_mm(quadriceps_moment_arm(_THETA)),
                                 to_mm2(patellofemoral_contact_area(_THETA, True))))

    def _compute(self, knee_flexion_deg, knee_moment_nm, mass_kg, weight_bearing):
        # one call: the chosen angle first, then the curves' angles
        r = patellofemoral_loading(knee_moment_nm, np.append(knee_flexion_deg, _THETA), mass_kg, weight_bearing)
        now = {k: float(v[0]) for k, v in r.items()}
        return {**now, "knee_flexion_deg": knee_flexion_deg, "area_mm2": float(to_mm2(now["contact_area_m2"])),
                "stress_mpa": float(to_mpa(now["stress_pa"])), "stress_curve_mpa": to_mpa(r["stress_pa"][1:]),
                "area_curve_mm2": to_mm2(r["contact_area_m2"][1:])}

    def _draw(self, s):
        self.pulley.update(s["knee_flexion_deg"], s["quadriceps_force_bw"], s["pf_force_bw"])
        return self.curves.update(s["knee_flexion_deg"], s["stress_curve_mpa"], s["stress_mpa"],
                                  s["area_curve_mm2"])

    def _describe(self, s):
        return (f"Quadriceps <b>{s['quadriceps_force_n']:.0f} N ({s['quadriceps_force_bw']:.1f} BW)</b> · "
                f"k = {s['k']:.2f} · PF force <b>{s['pf_force_n']:.0f} N ({s['pf_force_bw']:.1f} BW)</b> · "
                f"contact area {s['area_mm2']:.0f} mm² · PF stress <b>{s['stress_mpa']:.1f} MPa</b>")


class TrackingExplorer(Explorer):
    """Frontal plane: Q-angle, VMO share and dynamic valgus -> lateral force and facet stress."""

    caption = ("start at your own Q-angle: both facets carry the same stress. Let the knee cave in (hip "
               "adduction, internal rotation), then weaken the VMO: the lateral facet takes the load, and past a "
               "point the medial restraint must hold the patella. A Q-angle well below your own loads the medial "
               "facet instead.")
    figsize = (8.6, 4.4)
    drag = {"control": "hip_adduction_deg", "axis": "x", "sign": -1}  # the knee drawn towards medial (left)

    def _controls(self):
        s0 = balanced_vmo_share()
        return {
            "static_q_deg": slider("standing Q-angle", STATIC_Q_DEG, 0.0, 30.0, 1.0, "deg"),
            "hip_adduction_deg": slider("hip adduction", 0.0, -10.0, 20.0, 1.0, "deg"),
            "hip_internal_rotation_deg": slider("hip internal rotation", 0.0, -20.0, 30.0, 1.0, "deg"),
            # the balanced share itself (0.239), not the slider step nearest it: the model's default, both facets equal
            "vmo_share": slider("VMO share of quadriceps force", s0, 0.0, 0.5, 0.01, "", ".2f"),
            "knee_flexion_deg": slider("knee flexion", 30.0, 0.0, 90.0, 1.0, "deg"),
            "knee_moment_nm": slider("knee extensor moment", 100.0, 0.0, 250.0, 5.0, "N·m"),
        }

    def _build(self, fig):
        gs = fig.add_gridspec(1, 2, width_ratios=(1.2, 1))
        self.knee_view = self.view(FrontalKneeView(fig.add_subplot(gs[0])))
        self.facets = self.view(FacetBarsView(fig.add_subplot(gs[1])))

    def _compute(self, static_q_deg, hip_adduction_deg, hip_internal_rotation_deg, vmo_share,
                 knee_flexion_deg, knee_moment_nm):
        r = patellar_tracking(static_q_deg, hip_adduction_deg, hip_internal_rotation_deg, vmo_share,
                              knee_flexion_deg, knee_moment_nm)
        # no equilibrium (the patella would sublux): the model gives no facet stress, and neither does the readout
        mpa = {f"{k[:-3]}_mpa": float(to_mpa(r[k])) if np.isfinite(r[k]) else float("nan")
               for k in ("medial_stress_pa", "lateral_stress_pa", "balanced_stress_pa", "peak_stress_pa")}
        return {**{k: (v if k == "stable" else float(v)) for k, v in r.items()}, **mpa, "vmo_share": vmo_share}

    def _draw(self, s):
        self.knee_view.update(s["q_eff_deg"], s["vmo_share"], s["side_pull_n"] / 700.0, stable=s["stable"])
        return self.facets.update(s["medial_stress_mpa"], s["lateral_stress_mpa"], s["lateral_share"],
                                  s["balanced_stress_mpa"], s["restraint_use"], s["stable"])

    def _describe(self, s):
        head = (f"Working Q-angle <b>{s['q_eff_deg']:.0f}°</b> · side pull beyond this knee's balance "
                f"<b>{s['side_pull_n']:.0f} N</b> · ")
        if not s["stable"]:
            return head + ("<b>no equilibrium — the patella would sublux</b> (the medial restraint would need "
                           f"{s['restraint_n']:.0f} N)")
        held = (f" · medial restraint holds <b>{s['restraint_n']:.0f} N</b>" if s["restraint_n"] > 0 else "")
        return head + (f"lateral facet carries <b>{100 * s['lateral_share']:.0f}%</b> of the load · peak facet "
                       f"stress <b>{s['peak_stress_mpa']:.1f} MPa</b> "
                       f"(balanced {s['balanced_stress_mpa']:.1f}){held}")
