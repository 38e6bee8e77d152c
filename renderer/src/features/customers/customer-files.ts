import { DOCUMENT_MAX_BYTES, DOCUMENT_MIME_TYPES } from '../../../../shared/contract/index';

export type DocumentMimeType = (typeof DOCUMENT_MIME_TYPES)[number];

/** What the file picker offers. */
export const DOCUMENT_ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf,image/jpeg,image/png,image/webp,application/pdf';

const BY_EXTENSION: Record<string, DocumentMimeType> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
};

/** The file's type as the core accepts it (the browser's, else from its extension), or null. */
export function documentTypeOf(file: File): DocumentMimeType | null {
  if ((DOCUMENT_MIME_TYPES as readonly string[]).includes(file.type)) return file.type as DocumentMimeType;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return BY_EXTENSION[extension] ?? null;
}

export function isTooLarge(file: File): boolean {
  return file.size > DOCUMENT_MAX_BYTES;
}

/** A file's bytes as base64 (without the `data:…;base64,` prefix). */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}
