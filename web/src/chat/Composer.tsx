import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { charCount } from '../auth/validation';
import { SendIcon } from '../components/icons';
import { MESSAGE_MAX } from '../lib/chatTypes';

interface Props {
  /** Returns whether the message was accepted (the input is then cleared). */
  onSend: (text: string) => boolean;
  /** Called on input while the box is not empty (the store throttles what goes out). */
  onTyping?: () => void;
  autoFocus?: boolean;
}

/** Show the counter once this close to the limit. */
const COUNTER_FROM = MESSAGE_MAX - 500;

/** Message input: Enter sends, Shift+Enter adds a line; the send button is disabled when empty. */
export function Composer({ onSend, onTyping, autoFocus }: Props) {
  const [text, setText] = useState('');
  const length = charCount(text.trim());
  const tooLong = length > MESSAGE_MAX;
  const canSend = length > 0 && !tooLong;

  const submit = () => {
    if (!canSend) return;
    if (onSend(text)) setText('');
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
    e.preventDefault();
    submit();
  };

  return (
    <form className="flex items-end gap-2 px-3 sm:px-4 py-3 border-t border-base-300 bg-base-100" onSubmit={onSubmit}>
      <div className="flex-1 min-w-0 flex flex-col">
        <textarea
          className={`textarea w-full resize-none min-h-11 max-h-40 field-sizing-content leading-snug py-2.5 ${tooLong ? 'textarea-error' : ''}`}
          rows={1}
          placeholder="Type a message"
          aria-label="Message"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (e.target.value.trim()) onTyping?.();
          }}
          onKeyDown={onKeyDown}
          autoFocus={autoFocus}
          enterKeyHint="send"
          aria-invalid={tooLong || undefined}
          data-testid="composer-input"
        />
        {length >= COUNTER_FROM && (
          <span className={`text-xs self-end tabular-nums pt-0.5 ${tooLong ? 'text-error' : 'text-base-content/60'}`} data-testid="composer-count">
            {length}/{MESSAGE_MAX}
          </span>
        )}
      </div>
      <button
        type="submit"
        className="btn btn-primary btn-circle shrink-0"
        disabled={!canSend}
        aria-label="Send"
        data-testid="composer-send"
      >
        <SendIcon className="size-5" />
      </button>
    </form>
  );
}
