/**
 * RouterOS versions the simulator can play, each with the behaviour a client must cope with:
 * - 6.42: only the legacy challenge login (`/login` → `=ret=challenge`, MD5 response);
 * - 6.49: the ≥ 6.43 login (`/login =name= =password=`), dates as `nov/22/2026`;
 * - 7.10: dates in ISO form (`2026-11-22`) in /system/clock and `last-logged-out`;
 * - 7.18: an empty `print` answers `!empty` before `!done`.
 */
export type SimVersion = '6.42' | '6.49' | '7.10' | '7.18';

export const SIM_VERSIONS: readonly SimVersion[] = ['6.42', '6.49', '7.10', '7.18'];

export type VersionProfile = {
  version: SimVersion;
  /** What `/system/resource/print` reports. */
  fullVersion: string;
  login: 'challenge' | 'plain';
  isoDates: boolean;
  emptyReply: boolean;
  /** v7 added last-logged-out / last-caller-id / last-disconnect-reason to /ppp/secret. */
  secretHistory: boolean;
};

export const PROFILES: Readonly<Record<SimVersion, VersionProfile>> = {
  '6.42': {
    version: '6.42',
    fullVersion: '6.42.12 (long-term)',
    login: 'challenge',
    isoDates: false,
    emptyReply: false,
    secretHistory: false,
  },
  '6.49': {
    version: '6.49',
    fullVersion: '6.49.17 (long-term)',
    login: 'plain',
    isoDates: false,
    emptyReply: false,
    secretHistory: false,
  },
  '7.10': {
    version: '7.10',
    fullVersion: '7.10.2 (stable)',
    login: 'plain',
    isoDates: true,
    emptyReply: false,
    secretHistory: true,
  },
  '7.18': {
    version: '7.18',
    fullVersion: '7.18.2 (stable)',
    login: 'plain',
    isoDates: true,
    emptyReply: true,
    secretHistory: true,
  },
};

export function isSimVersion(value: string): value is SimVersion {
  return (SIM_VERSIONS as readonly string[]).includes(value);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** The router's date: `nov/22/2026` before 7.10, `2026-11-22` from 7.10 (UTC here). */
export function formatDate(profile: VersionProfile, at: number): string {
  const d = new Date(at);
  return profile.isoDates
    ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
    : `${MONTHS[d.getUTCMonth()]}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`;
}

export function formatTime(at: number): string {
  const d = new Date(at);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function formatDateTime(profile: VersionProfile, at: number): string {
  return `${formatDate(profile, at)} ${formatTime(at)}`;
}

/** RouterOS durations: `1w2d3h4m5s`, `0s`. */
export function formatDuration(ms: number): string {
  let s = Math.max(0, Math.floor(ms / 1000));
  if (s === 0) return '0s';
  const parts: string[] = [];
  for (const [unit, size] of [
    ['w', 604800],
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    if (s >= size) {
      parts.push(`${Math.floor(s / size)}${unit}`);
      s %= size;
    }
  }
  return parts.join('');
}

/** Parses `1d2h`, `00:30:00`, `1d 00:30:00` or plain seconds; null when it is none of them. */
export function parseDuration(text: string): number | null {
  const value = text.trim();
  if (value === '' || value === 'none') return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  let total = 0;
  let rest = value;
  const clock = /(?:^|\s)(\d+):(\d{2}):(\d{2})$/.exec(rest);
  if (clock) {
    total += (Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3])) * 1000;
    rest = rest.slice(0, clock.index).trim();
  }
  if (rest === '') return total;
  const units: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };
  const re = /(\d+)(ms|w|d|h|m|s)/g;
  let consumed = '';
  for (const match of rest.matchAll(re)) {
    consumed += match[0];
    total += match[2] === 'ms' ? Number(match[1]) : Number(match[1]) * units[match[2]!]! * 1000;
  }
  return consumed === rest.replace(/\s+/g, '') ? total : null;
}
