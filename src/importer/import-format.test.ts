import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedText } from '../../test/helpers/seed.ts';
import { detectImportFormat } from './import-format.ts';

const ATOM = '<?xml version="1.0" encoding="utf-8"?>\n<!-- a comment -->\n<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>';

describe('import format detection', () => {
  const recognised: Array<[string, string, string]> = [
    ['RSS 2.0 with a declaration', '<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>', 'rss'],
    ['RSS 2.0 after a BOM and blank lines', '\uFEFF\n\n  <rss version="2.0"><channel/></rss>', 'rss'],
    ['Atom after a comment', ATOM, 'atom'],
    ['Atom with a prefixed root', '<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"></atom:feed>', 'atom'],
    ['NDJSON', '\n{"title":"t","body":"b","date":"2025-01-02"}\n{"title":"u"}\n', 'ndjson'],
    ['NDJSON whose first line is broken JSON (a numbered rejection, not an unknown file)', '{"title": \n', 'ndjson'],
    ['the bundled seed', seedText(), 'seed'],
    ['the seed format after text before its first block', '新闻列表\r\n-\r\n标题\r\n正文\r\n2025-01-02\r\n', 'seed'],
  ];
  for (const [name, text, format] of recognised) {
    it(`recognises ${name}`, () => assert.deepEqual(detectImportFormat(text), { format }));
  }

  const refused: Array<[string, string, RegExp]> = [
    ['an empty file', '', /^the file is empty; expected RSS 2.0/],
    ['a file of blank lines', ' \n\r\n\t\n', /^the file is empty/],
    ['plain text', '南昌招商新闻\n第二行\n', /^not a format zhaoshang imports/],
    ['a JSON array', '[{"title":"t"}]', /^a JSON array, not NDJSON/],
    ['a <feed> outside the Atom namespace', '<feed><entry/></feed>', /<feed> root outside the Atom namespace/],
    ['RSS 1.0', '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>', /RSS 1\.0 \(RDF\) is not read/],
    ['an HTML page', '<!DOCTYPE html>\n<html><body>x</body></html>', /root element is <html>, neither RSS 2\.0 nor Atom/],
  ];
  for (const [name, text, message] of refused) {
    it(`refuses ${name}, naming the four formats`, () => {
      const detected = detectImportFormat(text);
      assert.ok('problem' in detected, `detected ${JSON.stringify(detected)}`);
      assert.match(detected.problem, message);
      for (const format of ['RSS 2.0', 'Atom', 'NDJSON', 'seed format']) assert.ok(detected.problem.includes(format), `names ${format}`);
    });
  }
});
