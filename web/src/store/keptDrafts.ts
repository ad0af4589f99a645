import { emptyThread, useMessages, type PendingMessage } from './messages';

/**
 * Unsent messages survive being sent to the login page: when the server ends the session under the
 * socket (expired or revoked), the text messages still waiting in the outbox are kept in
 * localStorage for that user, and put back (same clientId, so the server stores each once) when the
 * same user is back. Messages with an image are not kept: the chosen file cannot be stored.
 */
export const KEPT_DRAFTS_KEY = 'echos.unsent';

interface KeptDraft {
  clientId: string;
  conversationId: string;
  text: string;
  createdAt: string;
}

interface Kept {
  userId: string;
  drafts: KeptDraft[];
}

function read(): Kept | null {
  try {
    const kept = JSON.parse(localStorage.getItem(KEPT_DRAFTS_KEY) ?? 'null') as Kept | null;
    return kept && typeof kept.userId === 'string' && Array.isArray(kept.drafts) ? kept : null;
  } catch {
    return null;
  }
}

/** Text messages typed here and not acknowledged yet, oldest first. */
function unsentTexts(): KeptDraft[] {
  return Object.values(useMessages.getState().threads)
    .flatMap((t) => t.pending)
    .filter((p) => p.status === 'pending' && !p.image)
    .map(({ clientId, conversationId, text, createdAt }) => ({ clientId, conversationId, text, createdAt }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Keeps this user's unsent messages (added to what other tabs kept; another user's are dropped). */
export function keepUnsent(userId: string): void {
  const earlier = read();
  const drafts = earlier?.userId === userId ? earlier.drafts : [];
  const known = new Set(drafts.map((d) => d.clientId));
  const all = [...drafts, ...unsentTexts().filter((d) => !known.has(d.clientId))];
  try {
    if (all.length > 0) localStorage.setItem(KEPT_DRAFTS_KEY, JSON.stringify({ userId, drafts: all }));
  } catch {
    // storage full or disabled: nothing more we can do
  }
}

/** Puts this user's kept messages back as pending (the socket outbox picks them up); forgets them. */
export function restoreUnsent(userId: string): void {
  const kept = read();
  if (!kept) return;
  localStorage.removeItem(KEPT_DRAFTS_KEY);
  if (kept.userId !== userId) return; // never send one user's words as another
  useMessages.setState((s) => {
    const threads = { ...s.threads };
    for (const d of kept.drafts) {
      const t = threads[d.conversationId] ?? emptyThread;
      if (t.pending.some((p) => p.clientId === d.clientId)) continue;
      const pending: PendingMessage = { ...d, status: 'pending', error: null, image: null };
      threads[d.conversationId] = { ...t, pending: [...t.pending, pending] };
    }
    return { threads };
  });
}
