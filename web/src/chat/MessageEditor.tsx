import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { charCount } from '../auth/validation';
import { MESSAGE_MAX } from '../lib/chatTypes';

interface Props {
  initialText: string;
  /** An image's caption may be empty. */
  allowEmpty: boolean;
  onSave: (text: string) => void;
  onCancel: () => void;
}

/** Edits a message in place: Enter saves, Shift+Enter adds a line, Esc cancels. */
export function MessageEditor({ initialText, allowEmpty, onSave, onCancel }: Props) {
  const [text, setText] = useState(initialText);
  const ref = useRef<HTMLTextAreaElement>(null);
  const length = charCount(text.trim());
  const tooLong = length > MESSAGE_MAX;
  const canSave = (allowEmpty || length > 0) && !tooLong;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length); // caret at the end
  }, []);

  const save = () => {
    if (canSave) onSave(text);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
      return;
    }
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
    e.preventDefault();
    save();
  };

  return (
    <div className="flex flex-col gap-1.5 w-full" data-testid="message-editor">
      <textarea
        ref={ref}
        className={`textarea textarea-sm w-full resize-none min-h-10 max-h-60 field-sizing-content leading-snug text-base-content ${tooLong ? 'textarea-error' : ''}`}
        rows={1}
        aria-label="Edit message"
        placeholder={allowEmpty ? 'Add a caption' : undefined}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        enterKeyHint="done"
        aria-invalid={tooLong || undefined}
        data-testid="message-edit-input"
      />
      <div className="flex items-center justify-end gap-1">
        <span className="hidden sm:inline mr-auto text-xs opacity-70">
          {tooLong ? `${length}/${MESSAGE_MAX}` : 'Esc to cancel · Enter to save'}
        </span>
        <button type="button" className="btn btn-ghost btn-xs" onClick={onCancel} data-testid="message-edit-cancel">
          Cancel
        </button>
        <button type="button" className="btn btn-xs" disabled={!canSave} onClick={save} data-testid="message-edit-save">
          Save
        </button>
      </div>
    </div>
  );
}
