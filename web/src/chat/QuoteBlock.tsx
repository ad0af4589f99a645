import type { Quote } from '../lib/chatTypes';

/** What a quote shows of the quoted message. */
export function quoteText(q: Pick<Quote, 'text' | 'image' | 'deleted'>): string {
  if (q.deleted) return 'Deleted message';
  if (q.text) return q.text;
  return q.image ? 'Photo' : '';
}

interface Props {
  quote: Quote;
  senderName: string;
  /** Inside my own (coloured) bubble. */
  onPrimary?: boolean;
  /** Jumps to the quoted message; none: not clickable. */
  onOpen?: () => void;
}

/** The quoted message above a reply's text: who wrote it and how it starts; a click jumps to it. */
export function QuoteBlock({ quote, senderName, onPrimary = false, onOpen }: Props) {
  const body = (
    <>
      {!quote.deleted && (
        <span className="block font-semibold truncate" data-testid="quote-sender">
          {senderName}
        </span>
      )}
      <span className={`block line-clamp-2 break-words [overflow-wrap:anywhere] ${quote.deleted ? 'italic' : ''}`} data-testid="quote-text">
        {quoteText(quote)}
      </span>
    </>
  );
  const className = `block w-full text-left text-xs rounded-md border-l-4 px-2 py-1 mb-1 ${
    onPrimary ? 'border-primary-content/70 bg-primary-content/15' : 'border-primary bg-base-content/5'
  }`;
  if (!onOpen || quote.deleted) {
    return (
      <div className={className} data-testid="message-quote" data-deleted={quote.deleted ? 'true' : undefined}>
        {body}
      </div>
    );
  }
  return (
    <button
      type="button"
      className={`${className} cursor-pointer hover:brightness-95`}
      onClick={onOpen}
      aria-label={`Replying to ${senderName}: ${quoteText(quote)}. Show the message`}
      data-testid="message-quote"
    >
      {body}
    </button>
  );
}
