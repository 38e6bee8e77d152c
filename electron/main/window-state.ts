import { readFileSync, writeFileSync } from 'node:fs';
import { screen, type BrowserWindow, type Rectangle } from 'electron';

/** The main window's last size and place, kept in the data folder. */
export type WindowState = {
  bounds: Partial<Rectangle> & { width: number; height: number };
  maximized: boolean;
};

const DEFAULT_STATE: WindowState = { bounds: { width: 1280, height: 800 }, maximized: false };

function isRectangle(value: unknown): value is Rectangle {
  if (typeof value !== 'object' || value === null) return false;
  const rect = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((key) => Number.isInteger(rect[key]));
}

/** The saved state if it still fits on a connected display, else a centred default. */
export function loadWindowState(file: string): WindowState {
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return DEFAULT_STATE;
  }
  const { bounds, maximized } = (saved ?? {}) as { bounds?: unknown; maximized?: unknown };
  if (!isRectangle(bounds) || bounds.width < 400 || bounds.height < 300) return DEFAULT_STATE;
  const visible = screen.getAllDisplays().some(({ workArea: area }) => {
    return (
      bounds.x < area.x + area.width &&
      bounds.x + bounds.width > area.x &&
      bounds.y < area.y + area.height &&
      bounds.y + bounds.height > area.y
    );
  });
  const kept = visible ? bounds : { width: bounds.width, height: bounds.height };
  return { bounds: kept, maximized: maximized === true };
}

/** Saves the window's normal (un-maximized) bounds when it closes. */
export function trackWindowState(window: BrowserWindow, file: string): void {
  window.on('close', () => {
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      writeFileSync(file, JSON.stringify(state));
    } catch {
      // Losing the window position is not worth an error.
    }
  });
}
