import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layoutBody } from '../articles/body-layout.ts';
import { htmlToText, plainTextBlocks } from './html-text.ts';

describe('HTML bodies to laid-out text', () => {
  it('drops scripts and styles with their content, handlers, javascript: links and every tag', () => {
    const html =
      '<p>南昌<script>alert("x")</script>招商<style>p{color:red}</style></p>' +
      '<p><img src="x" onerror="alert(1)"><a href="javascript:alert(1)" onclick="steal()">点此</a>报名</p>' +
      '<iframe src="https://evil.example/"></iframe><noscript>请开启脚本</noscript><svg><script>alert(2)</script></svg>';
    const text = htmlToText(html);
    assert.equal(text, '南昌招商\n点此报名');
    assert.doesNotMatch(text, /alert|onerror|javascript|color|evil|<|>/);
  });

  it('makes every block element a paragraph break and keeps inline text in its paragraph', () => {
    const html =
      '<h1>标题一</h1><div><section><p>第一段<strong>加粗<em>斜体</em></strong>文字。</p></section>第二段。<br>第三段。</div>' +
      '<ul><li>甲项。</li><li><p>乙项。</p></li></ul><table><tr><td>单元格一</td><td>单元格二</td></tr></table><h6>末</h6>';
    assert.equal(htmlToText(html), '标题一\n第一段加粗斜体文字。\n第二段。\n第三段。\n甲项。\n乙项。\n单元格一\n单元格二\n末');
  });

  it('decodes entities once, so escaped markup stays text', () => {
    assert.equal(htmlToText('<p>A&amp;B &lt;script&gt; &quot;引号&quot; &#x4E2D;&#25991;&nbsp;x &amp;lt;</p>'), 'A&B <script> "引号" 中文 x &lt;');
  });

  it('collapses whitespace inside a block and drops empty blocks', () => {
    assert.equal(htmlToText('<p>\n  Hello \t  world  \n</p><p> </p><p>&nbsp;</p><div>\n\n</div><p>末尾</p>'), 'Hello world\n末尾');
  });

  it('reads a WordPress-style body with unclosed tags and nested lists', () => {
    const html = '<p>一、总体要求<p>坚持项目为王。<ol><li>签约<ul><li>开工</li></ul></ol>文末';
    assert.equal(htmlToText(html), '一、总体要求\n坚持项目为王。\n签约\n开工\n文末');
    assert.deepEqual(
      layoutBody(htmlToText(html)).map((block) => block.kind),
      ['heading', 'paragraph', 'heading', 'heading', 'heading'],
    );
  });

  it('keeps the lines of plain text as its blocks', () => {
    assert.equal(plainTextBlocks('  第一段  文字 \n\n第二段 <b>不是标签</b>\n'), '第一段 文字\n第二段 <b>不是标签</b>');
  });
});
