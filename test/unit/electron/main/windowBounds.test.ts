import { describe, expect, it } from 'vitest';
import { defaultWindowSize, minimumWindowSize, restoreBounds } from '../../../../electron/main/windowBounds.ts';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const second = { x: 1920, y: 0, width: 1280, height: 1000 };

describe('restoreBounds', () => {
  it('opens centred at the default size the first time', () => {
    expect(restoreBounds(null, [primary], primary)).toEqual({ x: 280, y: 90, ...defaultWindowSize, maximized: false });
  });

  it('opens where it was left, maximised if it was', () => {
    const saved = { x: 2000, y: 50, width: 1200, height: 900, maximized: true };
    expect(restoreBounds(saved, [primary, second], primary)).toEqual(saved);
  });

  it('comes back to the primary screen when its screen is gone', () => {
    const saved = { x: 2000, y: 50, width: 1200, height: 900 };
    expect(restoreBounds(saved, [primary], primary)).toEqual({ x: 360, y: 70, width: 1200, height: 900, maximized: false });
  });

  it('never opens smaller than the minimum or larger than the screen', () => {
    expect(restoreBounds({ width: 300, height: 200 }, [primary], primary)).toMatchObject(minimumWindowSize);
    const small = { x: 0, y: 0, width: 1280, height: 720 };
    expect(restoreBounds({ width: 4000, height: 3000 }, [small], small)).toMatchObject({ width: 1280, height: 720 });
  });
});
