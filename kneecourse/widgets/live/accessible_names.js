// ipywidgets 8 draws a slider's handle (role="slider") and a Play widget's buttons (icons only) without an
// accessible name, so a screen reader announces "slider" or "button" and nothing more (axe-core:
// aria-input-field-name, button-name). This script, shown once above the first explorer of a page, names
// each handle after its slider's label and each icon button after its icon, also for widgets drawn later,
// and on an app page marks the rendered cells as the main landmark (axe-core: region).
(function () {
  if (window.kneecourseAccessibleNames) { return; }
  window.kneecourseAccessibleNames = true;
  function nameAll() {
    document.querySelectorAll('.jupyter-widgets [role="slider"]:not([aria-label])').forEach(function (handle) {
      var box = handle.closest('.widget-slider, .widget-hslider, .widget-vslider');
      var label = box && box.querySelector('.widget-label');
      if (label && label.textContent.trim()) { handle.setAttribute('aria-label', label.textContent.trim()); }
    });
    document.querySelectorAll('.jupyter-widgets button:not([aria-label])').forEach(function (button) {
      if (button.textContent.trim()) { return; }
      var icon = button.querySelector('i[class*="fa-"]');
      var name = icon && icon.className.split(/\s+/).filter(function (c) {
        return c.indexOf('fa-') === 0 && c !== 'fa-fw';
      }).map(function (c) { return c.slice(3).replace(/-/g, ' '); })[0];
      if (name) { button.setAttribute('aria-label', name === 'retweet' ? 'repeat' : name); }
    });
  }
  nameAll();
  new MutationObserver(nameAll).observe(document.body, {childList: true, subtree: true});
  // an app page (Voila) has no main landmark: its rendered cells are the page's main content
  var cells = document.getElementById('rendered_cells');
  if (cells && !document.querySelector('main, [role="main"]')) { cells.setAttribute('role', 'main'); }
}());
