// The board's charts, drawn with ECharts from the JSON the page carries (no inline script:
// the Content-Security-Policy allows scripts from this site only).
(function () {
  "use strict";
  function draw() {
    var source = document.getElementById("board-data");
    if (!source || !window.echarts) { return; }
    var data = JSON.parse(source.textContent);
    var palette = ["#2da44e", "#cf222e", "#bf8700", "#8c959f"];
    function bars(element, categories, series, horizontal) {
      if (!element) { return; }
      var chart = window.echarts.init(element, null, { renderer: "svg" });
      var category = { type: "category", data: categories };
      var value = { type: "value", minInterval: 1 };
      chart.setOption({
        color: palette,
        animation: false,
        tooltip: { trigger: "axis" },
        legend: { top: 0 },
        grid: { left: horizontal ? 140 : 40, right: 16, top: 36, bottom: 30 },
        xAxis: horizontal ? value : category,
        yAxis: horizontal ? category : value,
        series: series.map(function (s) {
          return { name: s.name, type: "bar", stack: "all", data: s.data };
        })
      });
      window.addEventListener("resize", function () { chart.resize(); });
      element.setAttribute("data-drawn", "1");
    }
    bars(document.getElementById("chart-months"), data.months, data.directions, false);
    bars(document.getElementById("chart-topics"), data.topics, data.topic_directions, true);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
}());
