export const APP_TITLE = 'Echos';
const FAVICON = '/favicon.svg';
// The icon's shapes again: an SVG used as a favicon cannot load /favicon.svg itself (a test keeps the two equal).
export const ICON_SHAPES =
  '<rect width="64" height="64" rx="16" fill="#605dff"/><path d="M18 20h28a6 6 0 0 1 6 6v12a6 6 0 0 1-6 6H30l-9 7v-7h-3a6 6 0 0 1-6-6V26a6 6 0 0 1 6-6z" fill="#fff"/>';

/** The tab title for this many unread messages: "(3) Echos", "(99+) Echos", or just "Echos". */
export function unreadTitle(total: number): string {
  if (total <= 0) return APP_TITLE;
  return `(${badgeText(total)}) ${APP_TITLE}`;
}

function badgeText(total: number): string {
  return total > 99 ? '99+' : String(total);
}

/** The favicon: the app icon, with a red count badge when something is unread (an SVG data URL, no canvas needed). */
export function unreadFavicon(total: number): string {
  if (total <= 0) return FAVICON;
  const label = badgeText(total);
  const size = label.length > 2 ? 20 : 26;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">${ICON_SHAPES}` +
    `<circle cx="46" cy="18" r="18" fill="#e5484d" stroke="#fff" stroke-width="3"/>` +
    `<text x="46" y="18" dy="0.36em" text-anchor="middle" font-family="Arial,sans-serif" font-weight="700" font-size="${size}" fill="#fff">${label}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** Shows the unread total in the tab title and favicon. */
export function showUnread(total: number, doc: Document = document): void {
  doc.title = unreadTitle(total);
  let link = doc.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (!link) {
    link = doc.createElement('link');
    link.rel = 'icon';
    doc.head.appendChild(link);
  }
  link.type = 'image/svg+xml';
  link.href = unreadFavicon(total);
}
