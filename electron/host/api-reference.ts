import type { ChannelDescription } from '../core/contract-schema';

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** A plain HTML API reference generated from the contract (served at /docs/api). */
export function renderApiReference(channels: ChannelDescription[]): string {
  const rows = channels
    .map(
      (c) => `<section id="${escape(c.channel)}">
  <h2><code>${escape(c.channel)}</code></h2>
  <p>${escape(c.summary)}</p>
  <p><b>Access:</b> <code>${escape(c.access)}</code> · <b>Writes:</b> ${c.writes ? 'yes (one transaction, audited)' : 'no'}</p>
  <details><summary>Input</summary><pre>${escape(JSON.stringify(c.input, null, 2))}</pre></details>
  <details><summary>Output</summary><pre>${escape(JSON.stringify(c.output, null, 2))}</pre></details>
</section>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Gerai API reference</title>
<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem}pre{background:#f4f4f4;padding:.5rem;overflow:auto}</style>
</head><body><h1>Gerai API reference</h1>
<p>Every channel answers <code>{ ok: true, data }</code> or <code>{ ok: false, error: { code, message, fields? } }</code>.
Over HTTP: <code>POST /ipc/&lt;channel&gt;</code> with the JSON input and <code>Authorization: Bearer &lt;token&gt;</code>.</p>
<nav><ul>${channels.map((c) => `<li><a href="#${escape(c.channel)}">${escape(c.channel)}</a></li>`).join('')}</ul></nav>
${rows}
</body></html>`;
}
