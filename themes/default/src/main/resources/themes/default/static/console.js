/* Kindred console: the few things JavaScript adds. Every page works without it. Data comes from data- attributes
   (the Content-Security-Policy allows no inline script). */
(function () {
  'use strict';

  function cssVar(name, fallback) {
    var v = getComputedStyle(document.documentElement).getPropertyValue(name);
    return v && v.trim() ? v.trim() : fallback;
  }

  /* The dashboard's 30-day chart: new members (bars) and points issued (line), from the canvas's data- attributes. */
  function dailyChart(canvas) {
    if (typeof window.Chart === 'undefined') {
      return;
    }
    var d = canvas.dataset;
    var brand = cssVar('--brand', '#2f6f5e');
    var muted = cssVar('--muted', '#5b615f');
    var line = cssVar('--line', '#e2e0da');
    var fg = cssVar('--fg', '#1c1f1e');
    window.Chart.defaults.color = fg;
    window.Chart.defaults.borderColor = line;
    new window.Chart(canvas, {
      data: {
        labels: JSON.parse(d.labels),
        datasets: [
          { type: 'bar', label: d.membersLabel, data: JSON.parse(d.members), backgroundColor: brand, yAxisID: 'members', order: 2 },
          { type: 'line', label: d.pointsLabel, data: JSON.parse(d.points), borderColor: muted, backgroundColor: muted,
            pointRadius: 2, tension: 0.3, yAxisID: 'points', order: 1 }
        ]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          members: { type: 'linear', position: 'left', beginAtZero: true, ticks: { precision: 0 } },
          points: { type: 'linear', position: 'right', beginAtZero: true, ticks: { precision: 0 }, grid: { drawOnChartArea: false } }
        }
      }
    });
  }

  /* Forms with data-confirm ask first (disable a plugin, revoke a key). */
  function confirmFirst(event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  }

  /* A big import takes a while: say so and keep the button from being pressed twice. */
  function busyOnSubmit(event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains('upload')) {
      return;
    }
    var button = form.querySelector('button[type="submit"]');
    var status = form.querySelector('.busy');
    if (button) {
      button.disabled = true;
    }
    if (status) {
      status.textContent = form.dataset.busy || '';
    }
  }

  document.addEventListener('submit', confirmFirst, true);
  document.addEventListener('submit', busyOnSubmit);
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('canvas[data-chart="daily"]').forEach(dailyChart);
  });
})();
