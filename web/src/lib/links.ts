/** A piece of message text: plain text, or a link the app may open. */
export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// Only these schemes become links; anything else (javascript:, data:, vbscript:...) stays text.
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const CANDIDATE = /\b(?:https?:\/\/|www\.)[^\s<>"]+|\bmailto:[^\s<>"]+/gi;
const TRAILING = /[.,;:!?'"\u2019\u201d]+$/;

/** Drops sentence punctuation and unbalanced closing brackets that end a URL in prose ("see (https://a.b/c).") */
function trimEnd(url: string): string {
  let u = url;
  for (;;) {
    const before = u;
    u = u.replace(TRAILING, '');
    for (const [open, close] of [['(', ')'], ['[', ']'], ['{', '}']]) {
      if (u.endsWith(close) && count(u, close) > count(u, open)) u = u.slice(0, -1);
    }
    if (u === before) return u;
  }
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

function safeHref(candidate: string): string | null {
  const withScheme = /^www\./i.test(candidate) ? `https://${candidate}` : candidate;
  try {
    const url = new URL(withScheme);
    if (!SAFE_PROTOCOLS.has(url.protocol)) return null;
    if (url.protocol !== 'mailto:' && !url.hostname) return null;
    if (url.protocol === 'mailto:' && url.pathname.length === 0) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** Splits text into plain parts and safe links (http, https, mailto only), in order; joined, the parts are the text. */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index ?? 0;
    const raw = trimEnd(match[0]);
    const href = raw.length > 0 ? safeHref(raw) : null;
    if (!href) continue;
    if (start > at) parts.push({ kind: 'text', text: text.slice(at, start) });
    parts.push({ kind: 'link', text: raw, href });
    at = start + raw.length;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
}
