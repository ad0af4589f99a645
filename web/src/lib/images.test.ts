import { describe, expect, it } from 'vitest';
import { imageFile } from '../test/fakeXhr';
import { checkImage, dragHasFiles, firstFile, fitWithin, IMAGE_MAX_BYTES, imageType } from './images';

describe('image helpers', () => {
  it('accepts JPEG, PNG, WebP and GIF up to 10 MB', () => {
    for (const type of ['image/jpeg', 'image/png', 'image/webp', 'image/gif']) {
      expect(checkImage(imageFile('x', type, 1000))).toBeNull();
    }
    expect(checkImage(imageFile('x.png', 'image/png', IMAGE_MAX_BYTES))).toBeNull();
    expect(checkImage(imageFile('x.png', 'image/png', IMAGE_MAX_BYTES + 1))).toMatch(/too large.*10 MB/);
    expect(checkImage(imageFile('x.svg', 'image/svg+xml'))).toMatch(/JPEG, PNG, WebP and GIF/);
    expect(checkImage(imageFile('notes.txt', 'text/plain'))).toMatch(/JPEG, PNG, WebP and GIF/);
    expect(checkImage(imageFile('x.png', 'image/png', 0))).toMatch(/empty/);
  });

  it('falls back to the extension when the type is missing', () => {
    expect(imageType({ name: 'IMG_1.JPG', type: '' })).toBe('image/jpeg');
    expect(imageType({ name: 'doc.pdf', type: '' })).toBe('');
  });

  it('fits a thumbnail into 320 px without upscaling', () => {
    expect(fitWithin(1600, 1200)).toEqual({ width: 320, height: 240 });
    expect(fitWithin(600, 1200)).toEqual({ width: 160, height: 320 });
    expect(fitWithin(100, 50)).toEqual({ width: 100, height: 50 });
  });

  it('finds the file of a paste or drop', () => {
    const file = imageFile();
    expect(firstFile({ files: [file] as unknown as FileList, items: [] as unknown as DataTransferItemList })).toBe(file);
    const items = [{ kind: 'string', getAsFile: () => null }, { kind: 'file', getAsFile: () => file }];
    expect(firstFile({ files: [] as unknown as FileList, items: items as unknown as DataTransferItemList })).toBe(file);
    expect(firstFile(null)).toBeNull();
    expect(dragHasFiles({ types: ['Files'] })).toBe(true);
    expect(dragHasFiles({ types: ['text/plain'] })).toBe(false);
  });
});
