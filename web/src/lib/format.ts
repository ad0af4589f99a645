/** "Ada Lovelace" -> "AL", "cher" -> "C"; falls back to the email's first letter. */
export function initials(fullName: string | null | undefined, email?: string | null): string {
  const parts = (fullName ?? '').trim().split(/\s+/).filter(Boolean);
  const firstChar = (s: string) => Array.from(s)[0] ?? '';
  if (parts.length > 0) {
    const first = firstChar(parts[0]);
    const last = parts.length > 1 ? firstChar(parts[parts.length - 1]) : '';
    return (first + last).toUpperCase();
  }
  const e = (email ?? '').trim();
  return e ? firstChar(e).toUpperCase() : '?';
}

/** ISO-8601 -> "March 4, 2025" (in the user's locale); "—" if unparseable. */
export function formatDate(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric' }).format(date);
}
