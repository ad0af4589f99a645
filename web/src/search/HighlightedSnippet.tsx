import type { ReactNode } from 'react';
import type { SearchHighlight } from '../lib/types';

/** Plain snippet text with the highlighted ranges as <mark> elements: text nodes only, never HTML. */
export function HighlightedSnippet({ text, highlights }: { text: string; highlights: SearchHighlight[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  const sorted = [...highlights].sort((a, b) => a.start - b.start);
  for (const h of sorted) {
    const start = Math.max(h.start, at);
    const end = Math.min(h.start + h.length, text.length);
    if (start >= end) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark key={start} className="bg-warning/40 text-inherit rounded-sm px-0.5">
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
