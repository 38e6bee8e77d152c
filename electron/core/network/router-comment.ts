/**
 * Every router item Gerai manages carries the comment `gerai:<row id>` (plus a short note after a
 * space). The prefix is how reconciliation tells Gerai's items from everyone else's: an item without
 * it is never changed or removed behind its owner's back.
 */
export const TAG_PREFIX = 'gerai:';

/** RouterOS shows long comments badly; the note is kept short. */
const MAX_NOTE = 60;

/** `gerai:<rowId> <note>`. */
export function geraiComment(rowId: string, note = ''): string {
  // Control characters would break the comment on the router's console.
  const clean = [...note]
    .map((char) => (char.charCodeAt(0) < 0x20 ? ' ' : char))
    .join('')
    .trim()
    .slice(0, MAX_NOTE);
  return clean ? `${TAG_PREFIX}${rowId} ${clean}` : `${TAG_PREFIX}${rowId}`;
}

/** The row id a comment tags, or null when the item is not Gerai's. */
export function taggedRowId(comment: string | undefined): string | null {
  if (!comment?.startsWith(TAG_PREFIX)) return null;
  const rest = comment.slice(TAG_PREFIX.length);
  const space = rest.indexOf(' ');
  const id = space === -1 ? rest : rest.slice(0, space);
  return id === '' ? null : id;
}

/** RouterOS prints booleans as `true`/`false` (older versions and some menus: `yes`/`no`). */
export function routerBool(value: string | undefined): boolean {
  return value === 'true' || value === 'yes';
}
