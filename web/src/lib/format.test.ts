import { describe, expect, it } from 'vitest';
import { formatDate, initials } from './format';

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
