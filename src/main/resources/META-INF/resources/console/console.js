// originwatch console: the only script besides htmx. Loaded from a file because the pages'
// Content-Security-Policy allows no inline script. Copy buttons copy the text of the element named
// by data-copy; without JavaScript the text is still there to select.
"use strict";
document.addEventListener("click", function (event) {
  var button = event.target.closest("button[data-copy]");
  if (!button) {
    return;
  }
  var source = document.getElementById(button.getAttribute("data-copy"));
  if (!source || !navigator.clipboard) {
    return;
  }
  navigator.clipboard.writeText(source.textContent).then(function () {
    button.setAttribute("data-copied", "true");
    button.textContent = "Copied";
  });
});
