export interface User {
  id: string | number;
  email: string;
  fullName: string;
  bio: string | null;
  avatarUrl: string | null;
  createdAt: string;
}

/** Field name -> human readable message. */
export type FieldErrors = Record<string, string>;

/** Where a search term starts in a snippet, in UTF-16 units (JavaScript string indices). */
export interface SearchHighlight {
  start: number;
  length: number;
}

/** One message found by GET /api/search/messages; `snippet` is plain text, never HTML. */
export interface SearchHit {
  conversationId: string;
  messageId: string;
  seq: number;
  senderId: string;
  createdAt: string;
  snippet: string;
  highlights: SearchHighlight[];
}

export interface SearchPage {
  hits: SearchHit[];
  nextCursor: string | null;
}
