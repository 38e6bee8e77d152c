/** Variant attributes as people type them: "Ukuran: M, Warna: Merah". */
export function formatAttributes(attributes: Record<string, string>): string {
  return Object.entries(attributes)
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ');
}

/** The reverse of formatAttributes; null when a part has no "name: value" shape. */
export function parseAttributes(text: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  if (text.trim() === '') return out;
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const at = part.search(/[:=]/);
    if (at < 0) return null;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (!key || !value || key.length > 30 || value.length > 60) return null;
    out[key] = value;
  }
  return out;
}
