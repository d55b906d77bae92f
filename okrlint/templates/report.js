// Filters the report by rule and severity. Without this script the filter stays hidden and every finding shows.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var boxes = ".statement, .kr, .objective, .file, .team";

  function apply() {
    var rule = form.elements.rule.value;
    var wanted = {};
    var every = true;
    Array.prototype.forEach.call(form.querySelectorAll("input[name=severity]"), function (box) {
      wanted[box.value] = box.checked;
      every = every && box.checked;
    });
    var filtered = rule !== "" || !every;
    var shown = 0;
    findings.forEach(function (finding) {
      var ok = (rule === "" || finding.getAttribute("data-code") === rule) && wanted[finding.getAttribute("data-severity")];
      finding.hidden = !ok;
      if (ok) { shown += 1; }
    });
    Array.prototype.forEach.call(document.querySelectorAll(boxes), function (box) {
      var visible = !filtered || box.querySelector(".finding:not([hidden])") !== null;
      box.hidden = !visible;
      if (filtered && visible && box.tagName === "DETAILS") { box.open = true; }
    });
    Array.prototype.forEach.call(document.querySelectorAll("tr[data-team]"), function (row) {
      var team = document.getElementById(row.getAttribute("data-team"));
      row.hidden = team !== null && team.hidden;
    });
    form.querySelector("output").textContent = filtered
      ? shown + " of " + findings.length + " findings shown"
      : "all " + findings.length + " findings shown";
  }

  function openTarget() {
    // A link to a team or a file opens the collapsed sections around it.
    var target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") { node.open = true; }
    }
  }

  function fromAddress() {
    // ?rule=K203&severity=error,warning opens the page filtered (a link a champion can share).
    var params = new URLSearchParams(location.search);
    if (params.has("rule")) { form.elements.rule.value = params.get("rule"); }
    if (params.has("severity")) {
      var keep = params.get("severity").split(",");
      Array.prototype.forEach.call(form.querySelectorAll("input[name=severity]"), function (box) {
        box.checked = keep.indexOf(box.value) >= 0;
      });
    }
  }

  form.hidden = false;
  fromAddress();
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  window.addEventListener("hashchange", openTarget);
  openTarget();
  apply();
})();
