/**
 * Where the window opens: where the user left it, unless that place is no longer on any screen
 * (a monitor was unplugged), in which case it opens centred on the primary screen.
 */
import type { Rectangle } from 'electron';
import type { WindowBounds } from '../../shared/host.ts';

export const defaultWindowSize = { width: 1360, height: 860 };
export const minimumWindowSize = { width: 960, height: 600 };
/** How much of the title bar must be on a screen for the saved place to count as visible. */
const minVisible = { width: 120, height: 40 };

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

export function restoreBounds(saved: WindowBounds | null, workAreas: readonly Rectangle[], primary: Rectangle): WindowBounds {
  const width = Math.max(minimumWindowSize.width, Math.min(saved?.width ?? defaultWindowSize.width, primary.width));
  const height = Math.max(minimumWindowSize.height, Math.min(saved?.height ?? defaultWindowSize.height, primary.height));
  if (saved && saved.x !== undefined && saved.y !== undefined) {
    const titleBar: Rectangle = { x: saved.x, y: saved.y, width: saved.width, height: minVisible.height };
    const visible = workAreas.some((area) => {
      const o = overlap(titleBar, area);
      return o.width >= minVisible.width && o.height >= minVisible.height;
    });
    if (visible) return { x: saved.x, y: saved.y, width: saved.width, height: saved.height, maximized: saved.maximized === true };
  }
  return {
    x: Math.round(primary.x + (primary.width - width) / 2),
    y: Math.round(primary.y + (primary.height - height) / 2),
    width,
    height,
    maximized: saved?.maximized === true,
  };
}
