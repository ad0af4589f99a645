import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type ClipboardEvent,
  type DragEvent,
  type FormEvent,
  type KeyboardEvent,
  type Ref,
} from 'react';
import { charCount } from '../auth/validation';
import { CloseIcon, PaperclipIcon, ReplyIcon, SendIcon } from '../components/icons';
import { MESSAGE_MAX, type Quote } from '../lib/chatTypes';
import { checkImage, createPreviewUrl, dragHasFiles, firstFile, formatBytes, IMAGE_ACCEPT, revokePreviewUrl } from '../lib/images';
import { readDraft, writeDraft } from '../store/composerDrafts';
import type { Attachment } from '../store/messages';
import { toast } from '../store/toast';
import { quoteText } from './QuoteBlock';

/** Lets the thread hand over an image dropped anywhere on it, and give the focus back after an edit. */
export interface ComposerHandle {
  attach: (file: File) => void;
  focus: () => void;
}

interface Props {
  /**
   * Returns whether the message was accepted (the input and the attachment are then cleared).
   * Called with only the text when there is no image.
   */
  onSend: (text: string, attachment?: Attachment) => boolean;
  /** Called on input while the box is not empty (the store throttles what goes out). */
  onTyping?: () => void;
  /** Up-arrow in an empty composer: edit my last message. Returns whether there was one. */
  onEditLast?: () => boolean;
  autoFocus?: boolean;
  /** Where the unsent text is kept (see store/composerDrafts); none: it lives only while shown. */
  draftKey?: string;
  /** The message being replied to, shown above the input until sent or cancelled. */
  replyingTo?: { quote: Quote; senderName: string } | null;
  onCancelReply?: () => void;
  ref?: Ref<ComposerHandle>;
}

interface Chosen {
  file: File;
  url: string;
  width: number | null;
  height: number | null;
}

/** Show the counter once this close to the limit. */
const COUNTER_FROM = MESSAGE_MAX - 500;

/**
 * Message input: Enter sends, Shift+Enter adds a line; the send button is disabled when empty.
 * One image can be attached (button, paste or drop); it is previewed until sent or removed.
 */
export function Composer({ onSend, onTyping, onEditLast, autoFocus, draftKey, replyingTo = null, onCancelReply, ref }: Props) {
  const [text, setText] = useState(() => (draftKey ? readDraft(draftKey) : ''));
  useEffect(() => {
    if (draftKey) writeDraft(draftKey, text);
  }, [draftKey, text]);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const length = charCount(text.trim());
  const tooLong = length > MESSAGE_MAX;
  const canSend = (length > 0 || chosen !== null) && !tooLong;

  // The preview URL lives as long as it is shown.
  const chosenUrl = chosen?.url;
  useEffect(() => () => revokePreviewUrl(chosenUrl), [chosenUrl]);

  const attach = useCallback((file: File) => {
    const problem = checkImage(file);
    if (problem) {
      toast.error(problem);
      return;
    }
    setChosen({ file, url: createPreviewUrl(file), width: null, height: null });
    textRef.current?.focus();
  }, []);

  useImperativeHandle(ref, () => ({ attach, focus: () => textRef.current?.focus() }), [attach]);

  const submit = () => {
    if (!canSend) return;
    const accepted = chosen
      ? onSend(text, { file: chosen.file, width: chosen.width, height: chosen.height })
      : onSend(text);
    if (accepted) {
      setText('');
      setChosen(null);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape' && replyingTo) {
      e.preventDefault();
      onCancelReply?.();
      return;
    }
    if (e.key === 'ArrowUp' && text === '' && !chosen && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
      if (onEditLast?.()) e.preventDefault();
      return;
    }
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
    e.preventDefault();
    submit();
  };

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const file = firstFile(e.clipboardData);
    if (!file) return; // plain text: the browser pastes it
    e.preventDefault();
    attach(file);
  };

  const onDragOver = (e: DragEvent) => {
    if (!dragHasFiles(e.dataTransfer)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };

  const onDrop = (e: DragEvent) => {
    const file = firstFile(e.dataTransfer);
    if (!file) return;
    e.preventDefault(); // the thread (also a drop target) sees this and leaves it to us
    attach(file);
  };

  return (
    <form
      className="flex flex-col gap-2 px-3 sm:px-4 py-3 border-t border-base-300 bg-base-100"
      onSubmit={onSubmit}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      {replyingTo && (
        <div className="flex items-center gap-2 min-w-0 rounded-box bg-base-200 pl-3 pr-1 py-1.5" data-testid="composer-reply">
          <ReplyIcon className="size-4 shrink-0 text-primary" />
          <div className="flex-1 min-w-0 text-xs">
            <p className="font-semibold truncate">Replying to {replyingTo.senderName}</p>
            <p className="truncate text-base-content/70" data-testid="composer-reply-text">
              {quoteText(replyingTo.quote)}
            </p>
          </div>
          <button
            type="button"
            className="btn btn-ghost btn-xs btn-circle shrink-0"
            aria-label="Cancel reply"
            title="Cancel reply"
            onClick={() => {
              onCancelReply?.();
              textRef.current?.focus();
            }}
            data-testid="composer-reply-cancel"
          >
            <CloseIcon className="size-3.5" />
          </button>
        </div>
      )}
      {chosen && (
        <div className="flex items-center gap-3 min-w-0" data-testid="attachment">
          <div className="relative shrink-0">
            <img
              src={chosen.url}
              alt={`Selected image ${chosen.file.name}`}
              className="size-16 sm:size-20 rounded-box object-cover bg-base-300"
              onLoad={(e) => {
                const { naturalWidth: width, naturalHeight: height } = e.currentTarget;
                if (width > 0 && height > 0) setChosen((c) => (c && c.url === chosen.url ? { ...c, width, height } : c));
              }}
              data-testid="attachment-preview"
            />
            <button
              type="button"
              className="btn btn-circle btn-xs absolute -top-2 -right-2 shadow"
              aria-label="Remove image"
              title="Remove image"
              onClick={() => setChosen(null)}
              data-testid="attachment-remove"
            >
              <CloseIcon className="size-3.5" />
            </button>
          </div>
          <div className="min-w-0 text-sm">
            <p className="truncate font-medium">{chosen.file.name || 'Pasted image'}</p>
            <p className="text-xs text-base-content/60">{formatBytes(chosen.file.size)} · add a caption or press Enter</p>
          </div>
        </div>
      )}
      <div className="flex items-end gap-2">
        <button
          type="button"
          className="btn btn-ghost btn-circle shrink-0"
          aria-label="Attach an image"
          title="Attach an image"
          onClick={() => fileRef.current?.click()}
          data-testid="composer-attach"
        >
          <PaperclipIcon className="size-5" />
        </button>
        <input
          ref={fileRef}
          type="file"
          accept={IMAGE_ACCEPT}
          className="hidden"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ''; // choosing the same file again still fires change
            if (file) attach(file);
          }}
          data-testid="composer-file-input"
        />
        <div className="flex-1 min-w-0 flex flex-col">
          <textarea
            ref={textRef}
            className={`textarea w-full resize-none min-h-11 max-h-40 field-sizing-content leading-snug py-2.5 ${tooLong ? 'textarea-error' : ''}`}
            rows={1}
            placeholder={chosen ? 'Add a caption' : 'Type a message'}
            aria-label="Message"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (e.target.value.trim()) onTyping?.();
            }}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
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
      </div>
    </form>
  );
}
