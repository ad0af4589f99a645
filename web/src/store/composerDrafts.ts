/**
 * What is typed in a conversation's composer and not sent yet, kept in localStorage per user and
 * conversation, so it survives a reload and being sent to the login page when the session expires.
 * An explicit logout forgets every draft (someone else may use this browser next).
 */
const PREFIX = 'echos.draft.';

export function draftKey(userId: string, conversationId: string): string {
  return `${PREFIX}${userId}.${conversationId}`;
}

export function readDraft(key: string): string {
  try {
    return localStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

export function writeDraft(key: string, text: string): void {
  try {
    if (text === '') localStorage.removeItem(key);
    else localStorage.setItem(key, text);
  } catch {
    // storage full or disabled: the draft lives only as long as the page
  }
}

export function forgetAllDrafts(): void {
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (key?.startsWith(PREFIX)) localStorage.removeItem(key);
    }
  } catch {
    // storage disabled: nothing was kept
  }
}
