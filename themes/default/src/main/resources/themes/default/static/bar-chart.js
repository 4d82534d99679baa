// Draws a bar chart with Chart.js (WebJar) in every <canvas class="bar-chart"> from its data- attributes:
// data-labels and data-values are comma-separated, data-label names the series, data-colours (optional,
// comma-separated CSS colours, one per bar) colours the bars, else the brand colour. Used by plugin console
// pages (check-ins per day, members per tier). Each page shows the same numbers in a table, so nothing is
// lost without JavaScript or without Chart.js.
(function () {
  function list(text) {
    return (text || "").split(",").filter(function (s) { return s !== ""; });
  }
  function draw() {
    if (typeof window.Chart === "undefined") {
      return;
    }
    document.querySelectorAll("canvas.bar-chart").forEach(function (canvas) {
      var brand = getComputedStyle(document.documentElement).getPropertyValue("--brand").trim() || "#2f6f5e";
      var colours = list(canvas.dataset.colours);
      new window.Chart(canvas, {
        type: "bar",
        data: {
          labels: list(canvas.dataset.labels),
          datasets: [{ label: canvas.dataset.label || "", data: list(canvas.dataset.values).map(Number),
                       backgroundColor: colours.length ? colours : brand }]
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
        }
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
