// Draws the carrier library's district map with ECharts from the boundary file shipped with the
// site (no map service): each district shaded by its number of sites; a click opens the list of
// that district's sites. The table beside the map has the same counts and links without script.
/* global echarts */
const NARROW = 480;

async function drawSiteMap(element) {
  const spec = JSON.parse(element.getAttribute('data-site-map'));
  const response = await fetch(spec.geo);
  if (!response.ok) return;
  echarts.registerMap('nanchang-districts', await response.json());
  const hrefs = new Map(spec.districts.map((district) => [district.name, district.href]));
  const max = Math.max(1, ...spec.districts.map((district) => district.value));
  const chart = echarts.init(element, null, { renderer: 'svg' });
  const options = (narrow) => ({
    animation: false,
    tooltip: { trigger: 'item', formatter: (item) => `${item.name}:${item.value || 0} 处载体` },
    visualMap: {
      min: 0,
      max,
      left: narrow ? 'center' : 'left',
      bottom: 0,
      orient: narrow ? 'horizontal' : 'vertical',
      text: ['多', '少'],
      calculable: false,
      inRange: { color: ['#fbe9e7', '#b3261e'] },
    },
    series: [
      {
        type: 'map',
        map: 'nanchang-districts',
        roam: false,
        selectedMode: false,
        label: { show: !narrow, fontSize: 11 },
        emphasis: { label: { show: true } },
        data: spec.districts.map((district) => ({ name: district.name, value: district.value })),
      },
    ],
  });
  let narrow = element.clientWidth < NARROW;
  chart.setOption(options(narrow));
  chart.on('click', (event) => {
    const href = hrefs.get(event.name);
    if (href) window.location.assign(href);
  });
  element.setAttribute('data-rendered', 'true');
  window.addEventListener('resize', () => {
    const nowNarrow = element.clientWidth < NARROW;
    if (nowNarrow !== narrow) {
      narrow = nowNarrow;
      chart.setOption(options(narrow), { notMerge: true });
    }
    chart.resize();
  });
}

for (const element of document.querySelectorAll('[data-site-map]')) drawSiteMap(element);
