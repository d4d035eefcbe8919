/* 关怀版 (elderly and low-vision mode) switch. Without this script the header link
   #care-toggle goes to this page's #care target and the stylesheet's
   :root:has(#care:target) turns the mode on for that page. With it, the link becomes a
   switch: the class "care" on <html>, remembered in localStorage["govsite-care"] so
   that every page opens in the chosen mode; the class "care-js" tells the stylesheet
   that this script, not the #care target, decides. */
(function () {
  var KEY = "govsite-care";
  var root = document.documentElement;

  function remembered() {
    try { return localStorage.getItem(KEY) === "1"; } catch (e) { return false; }
  }

  function remember(on) {
    try {
      if (on) { localStorage.setItem(KEY, "1"); } else { localStorage.removeItem(KEY); }
    } catch (e) { /* storage blocked: the mode still applies to this page */ }
  }

  function show(on) {
    root.classList.toggle("care", on);
    var toggle = document.getElementById("care-toggle");
    if (toggle) {
      /* The label names what the link does next. */
      toggle.textContent = on ? "标准版" : "关怀版";
      toggle.setAttribute("title", on ? "切换到标准版" : "切换到关怀版（大字体、高对比）");
    }
  }

  function set(on) {
    remember(on);
    /* Off also drops #care from the address, so a reload does not turn it back on. */
    if (!on && location.hash === "#care") {
      history.replaceState(null, "", location.pathname + location.search);
    }
    show(on);
  }

  function fromHash() {
    if (location.hash === "#care") { set(true); }
  }

  root.classList.add("care-js");
  show(remembered());
  fromHash();
  window.addEventListener("hashchange", fromHash);
  var toggle = document.getElementById("care-toggle");
  if (toggle) {
    toggle.addEventListener("click", function (event) {
      event.preventDefault();
      set(!root.classList.contains("care"));
    });
  }
})();
