/* The theme's navigation drawer, made usable by keyboard and screen reader.

   Material opens its drawer (the menu of a phone-width page) with a <label> for a hidden
   checkbox: the label cannot be reached with Tab and has no name, and while the drawer is
   closed and off-screen its links still sit in the Tab order, ahead of the page's content.
   Here the label becomes a named button that says whether the menu is open, the closed
   drawer is made `inert` (out of the Tab order and of the accessibility tree) only while
   it is a drawer (below Material's 76.25em breakpoint; wider, it is a visible sidebar),
   Escape closes it and gives focus back to the button. The theme's icons beside a named
   control or a text are hidden from screen readers, which would announce them as
   unnamed images. Without JavaScript nothing changes. */
(function () {
  "use strict";

  var TEXT = { open: "Buka menu navigasi", close: "Tutup menu navigasi" };

  var toggle = document.getElementById("__drawer");
  var drawer = document.querySelector(".md-sidebar--primary");
  var button = document.querySelector('.md-header label[for="__drawer"]');
  var narrow = window.matchMedia("(max-width: 76.234375em)");

  document.querySelectorAll(
    ".md-header svg, .md-sidebar svg, .md-footer svg, .md-content__button svg, .md-top svg"
  ).forEach(function (icon) {
    if (!icon.getAttribute("aria-label")) icon.setAttribute("aria-hidden", "true");
  });

  // Material's colour switch is a <form>: a landmark only once it has a name.
  var palette = document.querySelector('.md-header form[data-md-component="palette"]');
  if (palette) palette.setAttribute("aria-label", "Mode warna");
  var overlay = document.querySelector(".md-overlay");
  if (overlay) overlay.setAttribute("aria-hidden", "true");

  if (!toggle || !drawer || !button) return;

  function update() {
    var open = toggle.checked;
    drawer.inert = narrow.matches && !open;
    button.setAttribute("aria-expanded", String(open));
    button.setAttribute("aria-label", open ? TEXT.close : TEXT.open);
  }

  function setOpen(open) {
    if (toggle.checked === open) return;
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change", { bubbles: true }));
  }

  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  drawer.id = drawer.id || "kk-navigasi";
  button.setAttribute("aria-controls", drawer.id);
  button.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    setOpen(!toggle.checked);
    if (toggle.checked) {
      var first = drawer.querySelector("a[href], label[tabindex], input");
      if (first) first.focus();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !toggle.checked || !narrow.matches) return;
    setOpen(false);
    button.focus();
  });
  toggle.addEventListener("change", update);
  // The checkbox also changes from clicks on the theme's overlay and drawer title.
  document.addEventListener("click", function () { window.setTimeout(update, 0); });
  if (narrow.addEventListener) narrow.addEventListener("change", update);
  update();
})();
