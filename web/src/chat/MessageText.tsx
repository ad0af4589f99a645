import { linkify } from '../lib/links';

/** Message text with its URLs as safe links; rendered as React elements, never as HTML. */
export function MessageText({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((part, i) =>
        part.kind === 'link' ? (
          <a
            key={i}
            href={part.href}
            target="_blank"
            rel="noopener noreferrer"
            className="link underline [overflow-wrap:anywhere]"
            data-testid="message-link"
          >
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
