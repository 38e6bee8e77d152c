/**
 * Splits a comma-separated word list (written as one template literal so the long name and street
 * lists stay compact and readable) into trimmed, non-empty entries.
 */
export function words(text: string): readonly string[] {
  return text
    .split(',')
    .map((word) => word.replace(/\s+/g, ' ').trim())
    .filter((word) => word.length > 0);
}
