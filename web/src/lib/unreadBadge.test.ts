import { describe, expect, it } from 'vitest';
import favicon from '../../public/favicon.svg?raw';
import { ICON_SHAPES, showUnread, unreadFavicon, unreadTitle } from './unreadBadge';

describe('unread badge', () => {
  it('puts the unread total before the app name, capped at 99+', () => {
    expect(unreadTitle(0)).toBe('Echos');
    expect(unreadTitle(3)).toBe('(3) Echos');
    expect(unreadTitle(100)).toBe('(99+) Echos');
  });

  it('draws the count on the favicon, and uses the plain icon when nothing is unread', () => {
    expect(unreadFavicon(0)).toBe('/favicon.svg');
    const badged = decodeURIComponent(unreadFavicon(7).replace('data:image/svg+xml,', ''));
    expect(badged).toContain('>7</text>');
    expect(decodeURIComponent(unreadFavicon(250))).toContain('>99+</text>');
  });

  it('badges the same icon as public/favicon.svg', () => {
    expect(favicon).toContain(ICON_SHAPES);
  });

  it('sets the document title and the icon link', () => {
    document.head.innerHTML = '<link rel="icon" type="image/svg+xml" href="/favicon.svg" />';
    showUnread(5);
    expect(document.title).toBe('(5) Echos');
    expect(document.querySelector('link[rel="icon"]')!.getAttribute('href')).toMatch(/^data:image\/svg\+xml,/);
    showUnread(0);
    expect(document.title).toBe('Echos');
    expect(document.querySelector('link[rel="icon"]')!.getAttribute('href')).toBe('/favicon.svg');
  });
});
