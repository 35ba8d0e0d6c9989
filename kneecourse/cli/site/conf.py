"""Sphinx configuration of the course site (copied into the staged source by ``python -m kneecourse site``).

Everything the pages need is in the build: the book theme's own assets, MathJax from the
``jupyter-server-mathjax`` package, the quiz script and style in ``_static``. No page loads
anything from another site.
"""
project = "kneecourse"
author = "the kneecourse authors"
copyright = "the kneecourse authors; course text and figures CC BY 4.0, code MIT"
html_title = "kneecourse — the biomechanics behind runner's knee"

extensions = ["myst_nb", "sphinxcontrib.bibtex", "sphinx_togglebutton"]
root_doc = "index"
exclude_patterns = ["_build", "**.ipynb_checkpoints", "apps"]

# -- notebooks: executed at build time; an error in any cell stops the build -------------------
nb_execution_mode = "force"
nb_execution_timeout = 300
nb_execution_raise_on_error = True
nb_execution_allow_errors = False
nb_execution_show_tb = True
nb_merge_streams = True
nb_output_stderr = "warn"
# explorers are shown as images with text (static_forms.py): no widget manager script from a CDN
nb_ipywidgets_js = {}
myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 3

# -- one bibliography, made from data/references.json ------------------------------------------
bibtex_bibfiles = ["references.bib"]
bibtex_default_style = "plain"
bibtex_reference_style = "author_year"

# -- maths without a CDN: MathJax 2 copied from jupyter-server-mathjax into _static/mathjax -------
mathjax_path = "mathjax/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full"
mathjax_options = {"defer": "defer"}
mathjax2_config = {
    "tex2jax": {"processClass": "math", "ignoreClass": "tex2jax_ignore|document"},
    "showMathMenu": False,
    "messageStyle": "none",
    # the package ships the STIX-Web fonts only (as the classic notebook configures it)
    # MathJax_Blank (a font MathJax measures against) points at about:blank, which Chromium refuses with a
    # console error; a local() source measures the same way without a request
    "HTML-CSS": {"availableFonts": [], "preferredFont": None, "webFont": "STIX-Web", "imageFont": None,
                 "styles": {"@font-face": {"font-family": "MathJax_Blank", "src": "local('MathJax_Blank')"}}},
}

# -- look --------------------------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_static_path = ["_static"]
templates_path = ["_templates"]
# the book theme's side bar, with its title inside a landmark (axe-core: region)
html_sidebars = {"**": ["kc-brand.html", "icon-links.html", "search-button-field.html", "sbt-sidebar-nav.html"]}
html_css_files = ["kneecourse.css"]
html_js_files = ["kneecourse-quiz.js"]
html_last_updated_fmt = None
html_favicon = "_static/favicon.svg"
html_context = {"default_mode": "light"}
html_show_sourcelink = False
html_theme_options = {
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "use_download_button": True,
    "use_fullscreen_button": False,
    "navigation_with_keys": False,
}


def _bibliography_as_list(app, exception):
    """docutils marks each bibliography entry ``doc-biblioentry``, a role ARIA 1.2 deprecates; inside the
    ``role="list"`` container its items must be ``listitem`` (axe: aria-required-children, critical)."""
    if exception is not None or app.builder.format != "html":
        return
    from pathlib import Path

    for page in Path(app.outdir).glob("*.html"):
        text = page.read_text(encoding="utf-8")
        if 'role="doc-biblioentry"' in text:
            page.write_text(text.replace('role="doc-biblioentry"', 'role="listitem"'), encoding="utf-8")


def setup(app):
    app.connect("build-finished", _bibliography_as_list)
