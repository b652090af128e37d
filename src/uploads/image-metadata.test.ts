// Pictures stored without metadata: photos with a camera's EXIF (GPS position, serial number),
// XMP, text chunks and comments come out without any of them, with the same pixels, the same ICC
// profile and the same upright orientation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import { imageFile } from '../../test/helpers/upload-files.ts';
import { withoutMetadata } from './image-metadata.ts';
import { processImage } from './image-variants.ts';

const CAMERA = {
  IFD0: { Make: 'Canon', Model: 'EOS 5D', Artist: 'Zhang Wei', Copyright: 'Zhang Wei' },
  IFD2: { BodySerialNumber: 'SN-0042-7731' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 27/1', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 50/1' },
};
const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Zhang Wei"/></rdf:RDF></x:xmpmeta>';

/** A photo as a camera leaves it: EXIF with GPS and serial, XMP, an ICC profile, turned by `orientation`. */
async function cameraPhoto(format: 'jpeg' | 'png' | 'webp', orientation: number): Promise<Buffer> {
  const plain = await imageFile(format, 120, 80);
  return sharp(plain).withExif(CAMERA).withXmp(XMP).withIccProfile('p3').withMetadata({ orientation }).toFormat(format, { lossless: true }).toBuffer();
}

/** Whether EXIF holds the GPS directory's tag (0x8825), in either byte order. */
const pointsToGps = (exif: Buffer | undefined) =>
  exif !== undefined && (exif.includes(Buffer.from([0x88, 0x25, 0, 4])) || exif.includes(Buffer.from([0x25, 0x88, 4, 0])));

/** Words that must not survive anywhere in the file. */
const TELLTALES = ['Canon', 'EOS 5D', 'Zhang Wei', 'SN-0042', 'xmpmeta'];

for (const format of ['jpeg', 'png', 'webp'] as const) {
  for (const orientation of [1, 6]) {
    test(`a ${format} photo (orientation ${orientation}) loses GPS, camera, XMP; keeps pixels, ICC profile and orientation`, async () => {
      const photo = await cameraPhoto(format, orientation);
      const before = await sharp(photo).metadata();
      assert.ok(before.exif && before.xmp && before.icc, 'the photo made for the test carries EXIF, XMP and ICC');
      assert.ok(pointsToGps(before.exif) && photo.includes('SN-0042') && photo.includes('Zhang Wei'), 'and its GPS position and serial number');

      const processed = await processImage(photo, format);
      assert.ok(!('refused' in processed));
      const stripped = processed.original;
      const after = await sharp(stripped).metadata();
      for (const word of TELLTALES) assert.equal(stripped.includes(word), false, `${word} is gone`);
      assert.equal(after.xmp, undefined);
      assert.equal(after.iptc, undefined);
      assert.deepEqual(after.icc, before.icc, 'the ICC profile is kept');
      assert.equal(after.orientation ?? 1, orientation);
      assert.equal(pointsToGps(after.exif), false);
      if (orientation === 1) assert.equal(after.exif, undefined, 'nothing to keep, no EXIF at all');
      else assert.equal(after.exif!.length <= 32, true, 'the orientation tag alone');
      assert.deepEqual([after.width, after.height, after.format], [before.width, before.height, before.format]);
      assert.deepEqual(await sharp(stripped).raw().toBuffer(), await sharp(photo).raw().toBuffer(), 'the same pixels');
      assert.deepEqual([processed.width, processed.height], orientation === 6 ? [80, 120] : [120, 80]);
    });
  }
}

test('a JPEG keeps its scans byte for byte and loses comments and what follows its end', async () => {
  const photo = await sharp(await imageFile('jpeg', 90, 60))
    .withExif(CAMERA)
    .jpeg({ progressive: true })
    .toBuffer();
  const withComment = Buffer.concat([
    photo.subarray(0, 2),
    Buffer.from([0xff, 0xfe, 0x00, 0x0c]),
    Buffer.from('Zhang Wei!'),
    photo.subarray(2),
    Buffer.from('trailer GPS'),
  ]);
  const stripped = withoutMetadata(withComment, 'jpeg', 1)!;
  for (const word of TELLTALES) assert.equal(stripped.includes(word), false, `${word} is gone`);
  const scans = photo.subarray(photo.indexOf(Buffer.from([0xff, 0xda])));
  assert.ok(stripped.subarray(stripped.length - scans.length).equals(scans), 'every scan (a progressive JPEG has several) copied as it was');
  assert.equal((await sharp(stripped).metadata()).comments, undefined);
});

test('a GIF loses comments and XMP but keeps its animation loop', async () => {
  const gif = await sharp(await imageFile('png', 30, 20))
    .gif({ loop: 3 })
    .toBuffer();
  const header = 13 + 3 * 2 ** ((gif[10]! & 7) + 1);
  const comment = Buffer.concat([Buffer.from([0x21, 0xfe, 9]), Buffer.from('Zhang Wei'), Buffer.from([0])]);
  const xmp = Buffer.concat([Buffer.from([0x21, 0xff, 11]), Buffer.from('XMP DataXMP'), Buffer.from([7]), Buffer.from('xmpmeta'), Buffer.from([0])]);
  const tagged = Buffer.concat([gif.subarray(0, header), comment, xmp, gif.subarray(header)]);
  const stripped = withoutMetadata(tagged, 'gif', 1)!;
  assert.deepEqual(stripped, gif, 'exactly the file without the two blocks');
  assert.equal((await sharp(stripped).metadata()).loop, 3);
});

test('a picture whose structure cannot be followed is not taken', () => {
  assert.equal(withoutMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x40, 0x00, 1, 2]), 'jpeg', 1), undefined);
  assert.equal(withoutMetadata(Buffer.from('GIF89a'), 'gif', 1), undefined);
});
