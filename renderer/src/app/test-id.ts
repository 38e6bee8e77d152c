/**
 * `data-testid` for slot props whose types list only known DOM attributes (Checkbox and Switch
 * inputs). JSX attributes take it directly; only these object slots need the helper.
 */
export function testId(id: string): { 'data-testid': string } {
  return { 'data-testid': id };
}
