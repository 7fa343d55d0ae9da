// Shows a footnote beside its marker on hover or keyboard focus. Optional:
// without it the marker is a plain link to the note at the foot of the page.
// The note is cloned from the page (ids removed), never built from strings.
(function () {
  "use strict";
  var tip = null;

  function hide() {
    if (tip) { tip.remove(); tip = null; }
  }

  function show(marker) {
    hide();
    var note = document.getElementById(decodeURIComponent(marker.hash.slice(1)));
    var body = note && note.querySelector(".note-body");
    if (!body) { return; }
    tip = document.createElement("div");
    tip.className = "note-tip";
    tip.id = "note-tip";
    tip.setAttribute("role", "tooltip");
    var copy = body.cloneNode(true);
    copy.querySelectorAll("[id]").forEach(function (e) { e.removeAttribute("id"); });
    tip.appendChild(copy);
    marker.setAttribute("aria-describedby", "note-tip");
    document.body.appendChild(tip);
    var r = marker.getBoundingClientRect();
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.left = left + "px";
    tip.style.top = (r.bottom + window.scrollY + 6) + "px";
  }

  function marker(e) {
    return e.target.closest ? e.target.closest("sup.noteref a") : null;
  }

  document.addEventListener("mouseover", function (e) { var m = marker(e); if (m) { show(m); } });
  document.addEventListener("mouseout", function (e) { if (marker(e)) { hide(); } });
  document.addEventListener("focusin", function (e) { var m = marker(e); if (m) { show(m); } else { hide(); } });
  document.addEventListener("focusout", function (e) { if (marker(e)) { hide(); } });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });
  document.addEventListener("click", function (e) { if (marker(e)) { hide(); } });
})();
