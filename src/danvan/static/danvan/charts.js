/* Draws every <figure data-chart="ID"> from the JSON block #ID with ECharts (served from
   node_modules under the CSP: no inline script, no CDN). Numbers are written the Vietnamese
   way (1.868; 99,5%). Each drawn chart is kept in window.danvanCharts[key] (tests read it). */
(function () {
  "use strict";
  var numbers = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
  var palette = ["#1f5fa8", "#c0392b", "#2e8b57", "#d68910", "#7d3c98", "#17a2b8"];

  function escape(text) {
    return String(text).replace(/[<>&"]/g, function (c) {
      return { "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" }[c];
    });
  }

  function shown(value, unit) {
    if (value === null || value === undefined) return "—";
    return numbers.format(value) + (unit === "%" ? "%" : "");
  }

  function option(data) {
    var valueAxis = {
      type: "value",
      axisLabel: { formatter: function (v) { return shown(v, data.unit); } }
    };
    var categoryAxis = {
      type: "category",
      data: data.categories,
      inverse: data.horizontal, // the first category on top, as in the table
      axisLabel: { width: data.horizontal ? 180 : 110, overflow: "truncate", interval: 0 }
    };
    return {
      color: palette,
      title: { text: data.title, show: false },
      tooltip: {
        trigger: "axis",
        confine: true,
        formatter: function (points) {
          var lines = [points.length ? escape(points[0].axisValueLabel) : ""];
          points.forEach(function (p) {
            var series = data.series[p.seriesIndex];
            var note = series.notes[p.dataIndex];
            // No p.marker: its inline style attribute is refused by the CSP (style-src 'self').
            lines.push(escape(p.seriesName) + ": <b>" + shown(p.value, data.unit) + "</b>" +
              (note ? "<br><small>" + escape(note) + "</small>" : ""));
          });
          return lines.join("<br>");
        }
      },
      legend: { top: 0 },
      grid: { left: data.horizontal ? 190 : 60, right: 24, top: 36, bottom: 60 },
      xAxis: data.horizontal ? valueAxis : categoryAxis,
      yAxis: data.horizontal ? categoryAxis : valueAxis,
      series: data.series.map(function (s) {
        return {
          name: s.name,
          type: data.kind === "line" ? "line" : "bar",
          data: s.data,
          connectNulls: false,
          label: {
            show: data.kind !== "line" && data.categories.length <= 12,
            position: data.horizontal ? "right" : "top",
            formatter: function (p) { return shown(p.value, data.unit); }
          }
        };
      })
    };
  }

  function draw(figure) {
    var block = document.getElementById(figure.getAttribute("data-chart"));
    var canvas = figure.querySelector(".chart-canvas");
    if (!block || !canvas || typeof echarts === "undefined") return;
    var data = JSON.parse(block.textContent);
    var rows = data.horizontal ? data.categories.length * data.series.length : 0;
    canvas.style.width = "100%";
    canvas.style.height = Math.max(300, Math.min(900, 80 + rows * 22)) + "px";
    var chart = echarts.init(canvas, null, { renderer: "canvas" });
    chart.on("finished", function () { figure.setAttribute("data-drawn", "1"); });
    chart.setOption(option(data));
    window.danvanCharts[data.key] = chart;
    window.addEventListener("resize", function () { chart.resize(); });
  }

  window.danvanCharts = window.danvanCharts || {};
  function start() {
    document.querySelectorAll("figure[data-chart]").forEach(draw);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
