import type { SearchHit } from '../lib/types';

/** A search hit fixture in conversation c1. */
export function hit(seq: number, extra: Partial<SearchHit> = {}): SearchHit {
  return {
    conversationId: 'c1',
    messageId: `m${seq}`,
    seq,
    senderId: '2',
    createdAt: '2026-12-07T10:00:00.000Z',
    snippet: `rocket number ${seq}`,
    highlights: [{ start: 0, length: 6 }],
    ...extra,
  };
}
