import { describe, expect, it } from 'vitest';
import { dayKey, formatDate, formatDayLabel, formatLastSeen, formatListTime, initials, joinNames } from './format';

describe('initials', () => {
  it('uses the first and last name', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('  ada   king   lovelace ')).toBe('AL');
    expect(initials('Cher')).toBe('C');
  });

  it('falls back to the email, then to "?"', () => {
    expect(initials('  ', 'zed@example.com')).toBe('Z');
    expect(initials(null, null)).toBe('?');
  });
});

describe('formatDate', () => {
  it('formats ISO-8601 dates', () => {
    expect(formatDate('2024-03-05T10:15:30Z', 'en-US')).toBe('March 5, 2024');
  });

  it('handles missing or invalid dates', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate('yesterday')).toBe('—');
  });
});

describe('chat time formats', () => {
  const now = new Date(2026, 10, 26, 15, 0);
  const local = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m).toISOString();

  it('labels day separators', () => {
    expect(formatDayLabel(local(26, 9), now, 'en-US')).toBe('Today');
    expect(formatDayLabel(local(25, 23), now, 'en-US')).toBe('Yesterday');
    expect(formatDayLabel(local(20, 9), now, 'en-US')).toBe('Friday, November 20');
    expect(formatDayLabel(new Date(2025, 0, 2).toISOString(), now, 'en-US')).toBe('Thursday, January 2, 2025');
  });

  it('describes last seen', () => {
    expect(formatLastSeen(null, now)).toBe('Offline');
    expect(formatLastSeen(local(26, 14, 59), now)).toBe('Last seen 1 min ago');
    expect(formatLastSeen(new Date(now.getTime() - 10_000).toISOString(), now)).toBe('Last seen just now');
    expect(formatLastSeen(local(26, 9), now, 'en-US')).toBe('Last seen today at 9:00 AM');
    expect(formatLastSeen(local(25, 9), now, 'en-US')).toBe('Last seen yesterday at 9:00 AM');
    expect(formatLastSeen(local(2, 9), now, 'en-US')).toBe('Last seen on Nov 2');
  });

  it('shows list times relative to today', () => {
    expect(formatListTime(local(26, 9, 5), now, 'en-US')).toBe('9:05 AM');
    expect(formatListTime(local(25, 9), now, 'en-US')).toBe('Yesterday');
    expect(formatListTime(local(23, 9), now, 'en-US')).toBe('Mon');
    expect(formatListTime(local(1, 9), now, 'en-US')).toBe('Nov 1');
  });

  it('groups by local day', () => {
    expect(dayKey(local(26, 0, 1))).toBe(dayKey(local(26, 23, 59)));
    expect(dayKey(local(26, 9))).not.toBe(dayKey(local(25, 9)));
    expect(dayKey('nope')).toBe('');
  });

  it('joins names', () => {
    expect(joinNames(['Alice'])).toBe('Alice');
    expect(joinNames(['Alice', 'Bob'])).toBe('Alice and Bob');
    expect(joinNames(['Alice', 'Bob', 'Cat'])).toBe('Alice, Bob and Cat');
    expect(joinNames(['A', 'B', 'C', 'D', 'E'])).toBe('A, B and 3 others');
  });
});
