import { describe, expect, it } from 'vitest';
import { adaMember, bob, cat, conversation, group, ME } from '../test/chat';
import { isAnyoneOnline, peer, typingText } from './people';

describe('people helpers', () => {
  it('names who is typing by first name', () => {
    const g = group('g');
    expect(typingText(g, undefined)).toBeNull();
    expect(typingText(g, ['2'])).toBe('Bob is typing…');
    expect(typingText(g, ['2', '3'])).toBe('Bob and Cat are typing…');
    expect(typingText(conversation('a'), ['2'])).toBe('Bob is typing…');
  });

  it('finds the other person and whether anyone is online', () => {
    const a = conversation('a', { members: [adaMember({ online: true }), bob()] });
    expect(peer(a, ME)?.id).toBe('2');
    expect(peer(group('g'), ME)).toBeUndefined();
    expect(isAnyoneOnline(a, ME, {})).toBe(false); // I do not count
    expect(isAnyoneOnline(a, ME, { '2': { online: true, lastSeenAt: null } })).toBe(true);
    expect(isAnyoneOnline(group('g', { members: [adaMember(), bob(), cat({ online: true })] }), ME, {})).toBe(true);
  });
});
