/**
 * A barcode scanner is a keyboard that types a whole code in a few ms and presses Enter. People type
 * ~100–200 ms apart; scanners ~5–30 ms. The average gap over the burst decides, so one late keystroke
 * (a busy main thread, a slow USB hub) does not turn a scan into typing.
 */
const MAX_AVERAGE_GAP_MS = 45;
/** A pause this long starts a new burst: whatever came before was typed by hand. */
const BURST_BREAK_MS = 120;
const MIN_LENGTH = 4;

export function createScanDetector() {
  let burst = '';
  let firstAt = 0;
  let lastAt = -Infinity;
  const reset = () => {
    burst = '';
    lastAt = -Infinity;
  };
  return {
    key(char: string, at: number): void {
      if (at - lastAt > BURST_BREAK_MS) {
        burst = '';
        firstAt = at;
      }
      burst += char;
      lastAt = at;
    },
    /** The scanned code if Enter ends a fast burst, else null. Either way a new burst starts. */
    enter(at: number): string | null {
      const gaps = burst.length - 1;
      const fast = burst.length >= MIN_LENGTH && (lastAt - firstAt) / gaps <= MAX_AVERAGE_GAP_MS;
      const code = fast && at - lastAt <= BURST_BREAK_MS ? burst : null;
      reset();
      return code;
    },
    reset,
  };
}
