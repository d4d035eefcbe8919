// govsite serve: live reload (实时预览). Served by `govsite serve` only; never part of the built site.
// The page reloads when a build changed its own file or a stylesheet or script, when the build
// failed with a problem list other than the one shown (to show the error page) and when the next
// good build clears the error.
(function () {
  "use strict";
  var me = document.currentScript;
  var generation = me.getAttribute("data-generation");
  var servedOk = me.getAttribute("data-ok") === "true";
  var servedProblems = me.getAttribute("data-problems") || "";
  var path = decodeURI(location.pathname);
  if (path.slice(-1) === "/") path += "index.html";

  function affects(build) {
    if (!build.ok) return servedOk || build.problems !== servedProblems;
    if (!servedOk) return true;
    return build.changed.some(function (changed) {
      return changed === path || /\.css$/.test(changed) || (/\.js$/.test(changed) && changed.indexOf("/pagefind/") < 0);
    });
  }

  var source = new EventSource(me.getAttribute("data-events"));
  function reload() {
    source.close();
    location.reload();
  }
  source.addEventListener("hello", function (e) {
    // A build ran between serving this page and connecting (or the server restarted).
    if (JSON.parse(e.data).generation !== generation) reload();
  });
  source.addEventListener("build", function (e) {
    var build = JSON.parse(e.data);
    if (affects(build)) reload();
    else generation = build.generation;
  });
})();
