// The XSS corpus: each payload, if it ever ran, would set window.__xss or open a dialog. They are
// single-line text with single spaces, so a page that shows them as text shows them unchanged.

const RUN = 'window.__xss=1';

/** Classic tags, attribute breaking and the contexts our pages put text in. */
const CLASSIC = [
  `<script>${RUN}</script>`,
  `<SCRIPT>${RUN}</SCRIPT>`,
  `<script src=data:,${RUN}></script>`,
  `<script>alert(1)</script>`,
  `<scr<script>ipt>${RUN}</scr</script>ipt>`,
  `</title><script>${RUN}</script>`,
  `</textarea><script>${RUN}</script>`,
  `</style><script>${RUN}</script>`,
  `</script><script>${RUN}</script>`,
  `</noscript><script>${RUN}</script>`,
  `"><script>${RUN}</script>`,
  `'><script>${RUN}</script>`,
  `"><img src=x onerror=${RUN}>`,
  `'><img src=x onerror=${RUN}>`,
  `\`><img src=x onerror=${RUN}>`,
  `" onmouseover="${RUN}" x="`,
  `' onfocus='${RUN}' autofocus x='`,
  `" autofocus onfocus=${RUN} x="`,
  `"/><svg onload=${RUN}>`,
  `<!--<img src="--><img src=x onerror=${RUN}//">`,
  `<![CDATA[<script>${RUN}</script>]]>`,
  `<?xml version="1.0"?><script>${RUN}</script>`,
  `"-alert(1)-"`,
  `'-alert(1)-'`,
  `\\'-alert(1)//`,
  `${'${'}alert(1)}`,
  `{{constructor.constructor('${RUN}')()}}`,
  `<div style="width:expression(${RUN})">x</div>`,
  `<div style="background:url(javascript:${RUN})">x</div>`,
  `<style>@import 'javascript:${RUN}';</style>`,
  `<style>*{background:url("javascript:${RUN}")}</style>`,
  `<link rel=stylesheet href=javascript:${RUN}>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">`,
  `<base href="javascript:${RUN}//">`,
  `<iframe src="javascript:${RUN}"></iframe>`,
  `<iframe srcdoc="<script>parent.${RUN}</script>"></iframe>`,
  `<object data="javascript:${RUN}"></object>`,
  `<embed src="javascript:${RUN}">`,
  `<form action="javascript:${RUN}"><button>x</button></form>`,
  `<button formaction="javascript:${RUN}">x</button>`,
  `<a href="javascript:${RUN}">x</a>`,
  `<a href="JaVaScRiPt:${RUN}">x</a>`,
  `<a href=" javascript:${RUN}">x</a>`,
  `<a href="java&#x09;script:${RUN}">x</a>`,
  `<a href="&#106;avascript:${RUN}">x</a>`,
  `<a href="data:text/html,<script>${RUN}</script>">x</a>`,
  `<a href="vbscript:msgbox(1)">x</a>`,
  `javascript:${RUN}`,
  `data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
  `&lt;script&gt;${RUN}&lt;/script&gt;`,
  `&#60;script&#62;${RUN}&#60;/script&#62;`,
  `&#x3C;img src=x onerror=${RUN}&#x3E;`,
  `\\u003cscript\\u003e${RUN}\\u003c/script\\u003e`,
  `\\x3cscript\\x3e${RUN}\\x3c/script\\x3e`,
  `%3Cscript%3E${RUN}%3C/script%3E`,
  `＜script＞${RUN}＜/script＞`,
  `<scrİpt>${RUN}</scrİpt>`,
  `<img src=x onerror=&#119;indow.__xss=1>`,
  `<img src=x onerror="&#x77;indow.__xss=1">`,
  `<img src=x onerror=eval(atob('d2luZG93Ll9feHNzPTE='))>`,
  `<img src=x onerror=window['__xss']=1>`,
  `<img src=x:x onerror=top.__xss=1>`,
  `<img/src=x/onerror=${RUN}>`,
  `<img src=x onerror=${RUN}//`,
  `<img """><script>${RUN}</script>">`,
  `<svg><script>${RUN}</script></svg>`,
  `<svg><a xlink:href="javascript:${RUN}"><text x="20" y="20">x</text></a></svg>`,
  `<svg><animate onbegin=${RUN} attributeName=x dur=1s>`,
  `<svg><set onbegin=${RUN} attributeName=x to=1>`,
  `<svg><foreignObject><iframe srcdoc="<script>parent.${RUN}</script>"></iframe></foreignObject></svg>`,
  `<svg><style><img src=x onerror=${RUN}></style></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${RUN}>`,
  `<math href="javascript:${RUN}">x</math>`,
  `<math><maction actiontype="statusline" xlink:href="javascript:${RUN}">x</maction></math>`,
  `<noscript><p title="</noscript><img src=x onerror=${RUN}>">`,
  `<template><script>${RUN}</script></template>`,
  `<xmp><img src=x onerror=${RUN}></xmp>`,
  `<plaintext><img src=x onerror=${RUN}>`,
  `<isindex type=image src=1 onerror=${RUN}>`,
  `<input type=image src=x onerror=${RUN}>`,
  `<input onfocus=${RUN} autofocus>`,
  `<select onfocus=${RUN} autofocus></select>`,
  `<textarea onfocus=${RUN} autofocus></textarea>`,
  `<keygen onfocus=${RUN} autofocus>`,
  `<marquee onstart=${RUN}>x</marquee>`,
  `<details open ontoggle=${RUN}>`,
  `<video><source onerror=${RUN}></video>`,
  `<audio src=x onerror=${RUN}>`,
  `<body onload=${RUN}>`,
  `<body onpageshow=${RUN}>`,
  `<frameset onload=${RUN}>`,
  `<table background="javascript:${RUN}">`,
  `<object type="text/x-scriptlet" data="javascript:${RUN}"></object>`,
];

/** Event handlers on many elements. */
const HANDLERS = ['onclick', 'onmouseover', 'onpointerenter', 'onanimationstart', 'onfocusin'].flatMap((event) =>
  ['div', 'span', 'p', 'a', 'b'].map((tag) => `<${tag} ${event}=${RUN} style=animation-name:x tabindex=1>${tag}</${tag}>`),
);

/** Markdown links and images: only a Markdown body turns these into elements. */
const MARKDOWN = [
  `[x](javascript:${RUN})`,
  `[x](JAVASCRIPT:${RUN})`,
  `[x]( javascript:${RUN} )`,
  `[x](javascript&#58;${RUN})`,
  `[x](data:text/html,<script>${RUN}</script>)`,
  `[x](vbscript:msgbox(1))`,
  `![x](x" onerror="${RUN})`,
  `![x](javascript:${RUN})`,
  `[x](https://example.cn" onclick="${RUN})`,
  `<javascript:${RUN}>`,
  `[x][ref] [ref]: javascript:${RUN}`,
  `**<img src=x onerror=${RUN}>**`,
  `\`<script>${RUN}</script>\``,
  `> <iframe src=javascript:${RUN}>`,
];

/** Every payload, without repeats. */
export const XSS_PAYLOADS: readonly string[] = [...new Set([...CLASSIC, ...HANDLERS, ...MARKDOWN])];

/**
 * The payloads joined into texts of at most `max` characters each (with `suffix` appended), so
 * that the payloads travel through a short field in a few submissions; one longer than the field
 * could never be stored there, and travels through the long fields only.
 */
export function packed(max: number, suffix = ''): string[] {
  const texts: string[] = [];
  let current = '';
  for (const payload of XSS_PAYLOADS) {
    if (payload.length + suffix.length > max) continue;
    const joined = current === '' ? payload : `${current} ${payload}`;
    if (joined.length + suffix.length <= max) current = joined;
    else {
      texts.push(current + suffix);
      current = payload;
    }
  }
  if (current !== '') texts.push(current + suffix);
  return texts;
}
