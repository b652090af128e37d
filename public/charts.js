// Draws every chart on the page with ECharts. Each chart's data sits in its data-chart attribute;
// the table next to it holds the same figures for screen readers and for readers without script.
/* global echarts */
for (const element of document.querySelectorAll('[data-chart]')) {
  const spec = JSON.parse(element.getAttribute('data-chart'));
  const chart = echarts.init(element, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 60, right: 20, top: 40, bottom: 60 },
    xAxis: { type: 'category', data: spec.categories, axisLabel: { interval: 0, rotate: spec.categories.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', name: spec.unit },
    series: spec.series.map((series) => ({ name: series.name, type: 'bar', data: series.data })),
  });
  element.setAttribute('data-rendered', 'true');
  window.addEventListener('resize', () => chart.resize());
}
