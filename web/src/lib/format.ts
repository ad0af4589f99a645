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

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

function startOfDay(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** Whole calendar days from `date` to `now` (0 = same day). */
function daysAgo(date: Date, now: Date): number {
  return Math.round((startOfDay(now) - startOfDay(date)) / 86_400_000);
}

/** "14:05" (locale style). */
export function formatTime(iso: string | null | undefined, locale?: string): string {
  const d = parse(iso);
  if (!d) return '';
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(d);
}

/** "Nov 26, 2026, 14:05" (locale style), e.g. for tooltips; "" if unparseable. */
export function formatDateTime(iso: string | null | undefined, locale?: string): string {
  const d = parse(iso);
  if (!d) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** Sidebar time: the time today, "Yesterday", the weekday within a week, else a short date. */
export function formatListTime(iso: string | null | undefined, now = new Date(), locale?: string): string {
  const d = parse(iso);
  if (!d) return '';
  const days = daysAgo(d, now);
  if (days <= 0) return formatTime(iso, locale);
  if (days === 1) return 'Yesterday';
  if (days < 7) return new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(d);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: d.getFullYear() === now.getFullYear() ? undefined : 'numeric' }).format(d);
}

/** Date separator in a thread: "Today", "Yesterday", else "Monday, March 4" (year when not this year). */
export function formatDayLabel(iso: string | null | undefined, now = new Date(), locale?: string): string {
  const d = parse(iso);
  if (!d) return '';
  const days = daysAgo(d, now);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: d.getFullYear() === now.getFullYear() ? undefined : 'numeric',
  }).format(d);
}

/** Local calendar day key, to group messages under date separators. */
export function dayKey(iso: string | null | undefined): string {
  const d = parse(iso);
  return d ? `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}` : '';
}

/** "Last seen just now / 5 min ago / today at 14:05 / yesterday at 09:12 / on Mar 3". */
export function formatLastSeen(iso: string | null | undefined, now = new Date(), locale?: string): string {
  const d = parse(iso);
  if (!d) return 'Offline';
  const minutes = Math.floor((now.getTime() - d.getTime()) / 60_000);
  if (minutes < 1) return 'Last seen just now';
  if (minutes < 60) return `Last seen ${minutes} min ago`;
  const days = daysAgo(d, now);
  if (days === 0) return `Last seen today at ${formatTime(iso, locale)}`;
  if (days === 1) return `Last seen yesterday at ${formatTime(iso, locale)}`;
  return `Last seen on ${new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: d.getFullYear() === now.getFullYear() ? undefined : 'numeric' }).format(d)}`;
}

/** "Alice", "Alice and Bob", "Alice, Bob and 2 others". */
export function joinNames(names: string[], max = 3): string {
  if (names.length === 0) return '';
  if (names.length === 1) return names[0];
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const rest = names.length - (max - 1);
  return `${names.slice(0, max - 1).join(', ')} and ${rest} others`;
}
