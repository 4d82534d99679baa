// Draws the check-ins console chart from the data- attributes of <canvas class="checkin-chart">:
// data-labels and data-values are comma-separated, data-label names the series. The page shows the same
// numbers in a table, so nothing is lost without JavaScript or without Chart.js.
(function () {
  function draw() {
    if (typeof window.Chart === "undefined") {
      return;
    }
    document.querySelectorAll("canvas.checkin-chart").forEach(function (canvas) {
      var labels = (canvas.dataset.labels || "").split(",").filter(function (s) { return s !== ""; });
      var values = (canvas.dataset.values || "").split(",").filter(function (s) { return s !== ""; }).map(Number);
      var brand = getComputedStyle(document.documentElement).getPropertyValue("--brand").trim() || "#2f6f5e";
      new window.Chart(canvas, {
        type: "bar",
        data: { labels: labels, datasets: [{ label: canvas.dataset.label || "", data: values, backgroundColor: brand }] },
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
