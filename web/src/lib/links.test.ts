import { describe, expect, it } from 'vitest';
import { linkify } from './links';

const links = (text: string) => linkify(text).filter((p) => p.kind === 'link');

describe('linkify', () => {
  it('turns http, https and mailto addresses into links and keeps the text around them', () => {
    const parts = linkify('see https://example.com/a?b=1 and mailto:ada@example.com now');
    expect(parts).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: ' and ' },
      { kind: 'link', text: 'mailto:ada@example.com', href: 'mailto:ada@example.com' },
      { kind: 'text', text: ' now' },
    ]);
  });

  it('joined, the parts are exactly the text', () => {
    const text = 'a (http://x.io/p_(1)), b www.example.org. c https://ü.example/ä!';
    expect(linkify(text).map((p) => p.text).join('')).toBe(text);
  });

  it('leaves trailing sentence punctuation and unbalanced brackets out of the link', () => {
    expect(links('see https://a.example/c.')[0].text).toBe('https://a.example/c');
    expect(links('(https://a.example/c)')[0].text).toBe('https://a.example/c');
    expect(links('https://en.wikipedia.org/wiki/Java_(language)!')[0].text).toBe('https://en.wikipedia.org/wiki/Java_(language)');
  });

  it('gives www. addresses an https link', () => {
    expect(links('go to www.example.org')[0]).toEqual({ kind: 'link', text: 'www.example.org', href: 'https://www.example.org/' });
  });

  it('never makes javascript:, data: or other schemes into links', () => {
    for (const text of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'file:///etc/passwd',
      '<a href="javascript:alert(1)">x</a>',
    ]) {
      expect(links(text)).toEqual([]);
    }
  });

  it('keeps HTML in the text as text', () => {
    expect(linkify('<a href="https://evil.example">x</a>')).toEqual([
      { kind: 'text', text: '<a href="' },
      { kind: 'link', text: 'https://evil.example', href: 'https://evil.example/' },
      { kind: 'text', text: '">x</a>' },
    ]);
  });

  it('encodes unicode hosts and paths in the href, and shows them as typed', () => {
    const [link] = links('https://bücher.example/straße');
    expect(link.text).toBe('https://bücher.example/straße');
    expect(link).toMatchObject({ href: 'https://xn--bcher-kva.example/stra%C3%9Fe' });
  });

  it('does not link a bare scheme', () => {
    expect(links('https:// nothing')).toEqual([]);
    expect(links('mailto:')).toEqual([]);
  });
});
