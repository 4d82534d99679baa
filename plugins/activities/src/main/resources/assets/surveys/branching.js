// Questionnaires (/activities/surveys/{id}): hides the questions that the member's answers skip, the way the server
// walks the branches (the next question, or where the chosen option of a single or image choice jumps; "end" ends),
// and disables their inputs so that they are not sent. Without JavaScript every question shows and the server keeps
// only the answers on the path.
(function () {
  function update(form) {
    var next = 1;
    form.querySelectorAll(".survey-question").forEach(function (q) {
      var position = Number(q.dataset.position);
      var on = position === next;
      q.hidden = !on;
      q.querySelectorAll("input, textarea").forEach(function (i) { i.disabled = !on; });
      if (!on) {
        return;
      }
      next = position + 1;
      var chosen = q.querySelector("input[type=radio][data-goto]:checked");
      if (chosen) {
        next = chosen.dataset.goto === "end" ? Infinity : Number(chosen.dataset.goto);
      }
    });
  }
  function start() {
    document.querySelectorAll("form[data-survey]").forEach(function (form) {
      form.addEventListener("change", function () { update(form); });
      update(form);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
