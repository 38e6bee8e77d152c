/**
 * Prints one part of the screen (a shift report, a count sheet) through the system print dialog: the
 * element's HTML with the page's own styles goes into a hidden same-origin frame, which prints and
 * goes away. The app itself stays as it is.
 */
export function printElement(element: HTMLElement, title: string): void {
  const styles = Array.from(document.querySelectorAll('style'))
    .map((style) => style.outerHTML)
    .join('\n');
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
  const escapedTitle = title.replace(/[<&>]/g, (ch) => `&#${ch.charCodeAt(0)};`);
  frame.srcdoc = `<!doctype html><html lang="${document.documentElement.lang}"><head><meta charset="utf-8"><title>${escapedTitle}</title>${styles}<style>body{margin:16px;background:#fff;color:#000}@page{margin:12mm}</style></head><body>${element.outerHTML}</body></html>`;
  frame.onload = () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
    setTimeout(() => frame.remove(), 1000);
  };
  document.body.append(frame);
}
