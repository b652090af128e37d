// fast-check generators for hostile text: what property tests feed every parser and form.
import fc from 'fast-check';

// Characters our parsers give meaning to, so random text reaches their interesting paths.
const MEANINGFUL = [
  ...'〇零一二两三四五六七八九十百千万亿0123456789,.%‰-—~～至到约近超逾余多以上左右内元美平方米公里亩人家个项百分点"“”「」 \t\n<>&\'`=/\\[]()!#*_',
];

/** One UTF-16 unit or code point of any kind: lone surrogates, controls, NUL, any plane, markup. */
export const anyChar: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 4 },
  { arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)), weight: 1 },
  { arbitrary: fc.integer({ min: 0, max: 0x1f }).map((unit) => String.fromCharCode(unit)), weight: 1 },
  { arbitrary: fc.constantFrom(...MEANINGFUL), weight: 4 },
);

/** Text of any characters, up to `maxLength` of them. */
export function anyText(maxLength = 200): fc.Arbitrary<string> {
  return fc.string({ unit: anyChar, maxLength });
}

/** Mostly short hostile text, sometimes one long run of a character (up to about 100 KB). */
export function anyInput(maxLength = 200): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: anyText(maxLength), weight: 9 },
    { arbitrary: fc.tuple(anyChar, fc.integer({ min: 1_000, max: 100_000 })).map(([char, count]) => char.repeat(count)), weight: 1 },
  );
}
