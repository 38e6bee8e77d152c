import { inflateSync } from 'node:zlib';

/**
 * The text runs a PDF made with pdfkit shows: each content stream is cut by its /Length (never by
 * searching for "endstream", which compressed bytes may imitate), inflated, and every TJ array's hex
 * strings decoded into one run. Enough to check what an invoice, a receipt or a voucher card says;
 * not a general PDF reader.
 */
export function pdfTextRuns(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const runs: string[] = [];
  for (const match of raw.matchAll(/\/Length (\d+)[^>]*>>\s*stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const data = pdf.subarray(start, start + Number(match[1]));
    let content: string;
    try {
      content = inflateSync(data).toString('latin1');
    } catch {
      continue; // not a deflated stream (e.g. an image): no text in it
    }
    for (const array of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...array[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]).join('');
      runs.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
  }
  return runs;
}

/** How many pages a PDF has. */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}
