// Type detection by content: each accepted kind, and hostile files refused with a specific message.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compoundFile, imageFile, MAIN_TYPES, officeFile, pdfFile, zipOf } from '../../test/helpers/upload-files.ts';
import { detectFileType, type FileType } from './file-type.ts';

const text = (value: string) => Buffer.from(value, 'utf8');

test('accepted kinds are told by their bytes', async () => {
  const cases: Array<[string, Buffer, FileType]> = [
    ['PDF', pdfFile(), 'pdf'],
    ['Word (OOXML)', officeFile(MAIN_TYPES.docx), 'docx'],
    ['Excel (OOXML)', officeFile(MAIN_TYPES.xlsx), 'xlsx'],
    ['PowerPoint (OOXML)', officeFile(MAIN_TYPES.pptx), 'pptx'],
    ['Word 97–2003', compoundFile('Root Entry', 'WordDocument', '1Table'), 'doc'],
    ['Excel 97–2003', compoundFile('Root Entry', 'Workbook'), 'xls'],
    ['PNG', await imageFile('png'), 'png'],
    ['JPEG', await imageFile('jpeg'), 'jpeg'],
    ['WebP', await imageFile('webp'), 'webp'],
    ['GIF', await imageFile('gif'), 'gif'],
  ];
  for (const [name, bytes, type] of cases) assert.deepEqual(detectFileType(bytes), { ok: true, type }, name);
});

test('hostile and unknown files are refused, each with what it was found to be', () => {
  const cases: Array<[string, Buffer, RegExp]> = [
    ['empty', Buffer.alloc(0), /空的/u],
    ['HTML page', text('<!DOCTYPE html><html><script>alert(1)</script></html>'), /网页\(HTML\)/u],
    ['HTML with BOM and spaces', text('\uFEFF  \n<html><body>x</body></html>'), /网页\(HTML\)/u],
    ['SVG', text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), /SVG/u],
    ['SVG behind an XML declaration', text('<?xml version="1.0"?>\n<!-- drawn -->\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'), /SVG/u],
    ['shell script', text('#!/bin/sh\nrm -rf /\n'), /脚本/u],
    ['Windows program', Buffer.concat([text('MZ'), Buffer.alloc(200)]), /Windows 可执行程序/u],
    ['Linux program', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(60)]), /Linux 可执行程序/u],
    ['a .pdf that is a page', text('<html><head><meta http-equiv="refresh" content="0;url=//evil"></head></html>'), /网页/u],
    ['PDF header hiding a page', Buffer.concat([text('%PDF-1.4\n<html><script>alert(1)</script>'), pdfFile()]), /伪装的网页/u],
    [
      'PDF with JavaScript',
      Buffer.from(pdfFile().toString('latin1').replace('/Type/Catalog', '/Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>'), 'latin1'),
      /脚本/u,
    ],
    ['GIF polyglot with a script', Buffer.concat([text('GIF89a/*'), text('<script>alert(1)</script>')]), /夹带/u],
    ['plain ZIP', zipOf({ 'readme.txt': 'hello' }), /压缩包\(ZIP\)/u],
    ['macro-enabled Word', officeFile(MAIN_TYPES.docm), /宏/u],
    ['Word with a VBA project', officeFile(MAIN_TYPES.docx, { 'word/vbaProject.bin': 'x' }), /宏/u],
    ['OOXML of an unknown kind', officeFile('application/vnd.example.main+xml'), /不认识的 Office/u],
    ['ZIP cut short', zipOf({ '[Content_Types].xml': 'x' }).subarray(0, 40), /损坏/u],
    ['Word 97 with macros', compoundFile('WordDocument', 'Macros', '_VBA_PROJECT'), /宏/u],
    ['old PowerPoint', compoundFile('PowerPoint Document'), /PowerPoint/u],
    ['MSI installer (OLE, no document stream)', compoundFile('SummaryInformation'), /安装程序/u],
    ['RTF', text('{\\rtf1\\ansi hello}'), /RTF/u],
    ['plain text', text('就是一段文字'), /不认识/u],
  ];
  for (const [name, bytes, message] of cases) {
    const found = detectFileType(bytes);
    assert.equal(found.ok, false, name);
    if (!found.ok) {
      assert.match(found.reason, message, name);
      assert.match(found.reason, /不能上传/u, name);
    }
  }
});
