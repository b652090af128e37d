// Draws every chart on the page with ECharts. Each chart's data sits in its data-chart attribute;
// the table next to it holds the same figures for screen readers and for readers without script.
/* global echarts */
// Below this width the legend moves under the chart: at the top it would cover the axis name.
const NARROW = 480;

function chartOptions(spec, narrow) {
  const rotate = narrow || spec.categories.length > 6 ? 30 : 0;
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: narrow ? { type: 'scroll', bottom: 0, left: 'center' } : { top: 0 },
    grid: narrow ? { left: 8, right: 12, top: 36, bottom: 36, containLabel: true } : { left: 60, right: 20, top: 48, bottom: 60 },
    xAxis: { type: 'category', data: spec.categories, axisLabel: { interval: 0, rotate, hideOverlap: narrow } },
    yAxis: { type: 'value', name: spec.unit, nameTextStyle: { align: 'left' } },
    series: spec.series.map((series) => ({ name: series.name, type: 'bar', data: series.data })),
  };
}

for (const element of document.querySelectorAll('[data-chart]')) {
  const spec = JSON.parse(element.getAttribute('data-chart'));
  const chart = echarts.init(element, null, { renderer: 'canvas' });
  let narrow = element.clientWidth < NARROW;
  chart.setOption(chartOptions(spec, narrow));
  element.setAttribute('data-rendered', 'true');
  element.setAttribute('data-layout', narrow ? 'narrow' : 'wide');
  window.addEventListener('resize', () => {
    const nowNarrow = element.clientWidth < NARROW;
    if (nowNarrow !== narrow) {
      narrow = nowNarrow;
      chart.setOption(chartOptions(spec, narrow), { notMerge: true });
      element.setAttribute('data-layout', narrow ? 'narrow' : 'wide');
    }
    chart.resize();
  });
}
