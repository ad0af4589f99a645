import { createEvent, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { IMAGE_MAX_BYTES } from '../lib/images';
import { useToasts } from '../store/toast';
import { imageFile } from '../test/fakeXhr';
import { draftKey, forgetAllDrafts } from '../store/composerDrafts';
import { Composer } from './Composer';

function setup(accept = true) {
  const onSend = vi.fn(() => accept);
  const onTyping = vi.fn();
  const user = userEvent.setup();
  render(<Composer onSend={onSend} onTyping={onTyping} />);
  return { onSend, onTyping, user, input: screen.getByTestId('composer-input'), send: screen.getByTestId('composer-send') };
}

describe('Composer', () => {
  it('sends on Enter and clears the input', async () => {
    const { onSend, user, input } = setup();
    await user.type(input, 'Hello Bob{Enter}');
    expect(onSend).toHaveBeenCalledWith('Hello Bob');
    expect(input).toHaveValue('');
  });

  it('adds a line on Shift+Enter instead of sending', async () => {
    const { onSend, user, input } = setup();
    await user.type(input, 'line one{Shift>}{Enter}{/Shift}line two');
    expect(onSend).not.toHaveBeenCalled();
    expect(input).toHaveValue('line one\nline two');
    await user.keyboard('{Enter}');
    expect(onSend).toHaveBeenCalledWith('line one\nline two');
  });

  it('disables the send button while empty or only whitespace', async () => {
    const { onSend, user, input, send } = setup();
    expect(send).toBeDisabled();
    await user.type(input, '   ');
    expect(send).toBeDisabled();
    await user.keyboard('{Enter}');
    expect(onSend).not.toHaveBeenCalled();
    await user.type(input, 'x');
    expect(send).toBeEnabled();
    await user.click(send);
    expect(onSend).toHaveBeenCalledWith('   x');
  });

  it('keeps the text when the message was not accepted', async () => {
    const { user, input } = setup(false);
    await user.type(input, 'keep me{Enter}');
    expect(input).toHaveValue('keep me');
  });

  it('reports typing only while there is text', async () => {
    const { onTyping, user, input } = setup();
    await user.type(input, ' ');
    expect(onTyping).not.toHaveBeenCalled();
    await user.type(input, 'a');
    expect(onTyping).toHaveBeenCalledTimes(1);
  });

  it('Up-arrow in an empty composer asks to edit my last message', async () => {
    const onEditLast = vi.fn(() => true);
    const user = userEvent.setup();
    render(<Composer onSend={() => true} onEditLast={onEditLast} />);
    const input = screen.getByTestId('composer-input');
    await user.type(input, 'draft{ArrowUp}');
    expect(onEditLast).not.toHaveBeenCalled(); // there is text: the caret moves as usual
    await user.clear(input);
    await user.keyboard('{ArrowUp}');
    expect(onEditLast).toHaveBeenCalledTimes(1);
  });

  it('blocks text over 4000 characters and shows the count', async () => {
    const { user, input, send } = setup();
    await user.click(input);
    await user.paste('x'.repeat(4001));
    expect(screen.getByTestId('composer-count')).toHaveTextContent('4001/4000');
    expect(send).toBeDisabled();
  });

  describe('attachments', () => {
    const toasts = () => useToasts.getState().toasts.map((t) => t.message);

    it('the attach button opens the hidden image picker', async () => {
      const { user } = setup();
      const input = screen.getByTestId('composer-file-input');
      expect(input).toHaveAttribute('type', 'file');
      expect(input).toHaveAttribute('accept', 'image/jpeg,image/png,image/webp,image/gif');
      expect(input).toHaveClass('hidden');
      const click = vi.spyOn(input, 'click');
      await user.click(screen.getByTestId('composer-attach'));
      expect(click).toHaveBeenCalled();
    });

    it('shows a preview of the chosen image; remove clears it', async () => {
      const { user, send } = setup();
      expect(screen.queryByTestId('attachment-preview')).not.toBeInTheDocument();
      await user.upload(screen.getByTestId('composer-file-input'), imageFile('cat.png'));
      const preview = screen.getByTestId('attachment-preview');
      expect(preview.getAttribute('src')).toMatch(/^blob:/);
      expect(screen.getByText('cat.png')).toBeInTheDocument();
      expect(send).toBeEnabled(); // an image alone can be sent

      const revoke = vi.spyOn(URL, 'revokeObjectURL');
      await user.click(screen.getByTestId('attachment-remove'));
      expect(screen.queryByTestId('attachment-preview')).not.toBeInTheDocument();
      expect(revoke).toHaveBeenCalledWith(preview.getAttribute('src'));
      expect(send).toBeDisabled();
    });

    it('rejects a file over 10 MB with a toast', async () => {
      const { user } = setup();
      await user.upload(screen.getByTestId('composer-file-input'), imageFile('huge.jpg', 'image/jpeg', IMAGE_MAX_BYTES + 1));
      expect(screen.queryByTestId('attachment-preview')).not.toBeInTheDocument();
      expect(toasts()).toEqual(['That image is too large. The limit is 10 MB.']);
    });

    it('rejects a file that is not JPEG, PNG, WebP or GIF with a toast', async () => {
      const user = userEvent.setup({ applyAccept: false });
      render(<Composer onSend={() => true} />);
      await user.upload(screen.getByTestId('composer-file-input'), imageFile('vector.svg', 'image/svg+xml'));
      expect(screen.queryByTestId('attachment-preview')).not.toBeInTheDocument();
      expect(toasts()).toEqual(['Only JPEG, PNG, WebP and GIF images can be uploaded.']);
    });

    it('Enter sends the image with its caption (or alone) and clears both', async () => {
      const { onSend, user, input } = setup();
      const file = imageFile('cat.png');
      await user.upload(screen.getByTestId('composer-file-input'), file);
      await user.type(input, 'our cat{Enter}');
      expect(onSend).toHaveBeenCalledWith('our cat', { file, width: null, height: null });
      expect(input).toHaveValue('');
      expect(screen.queryByTestId('attachment-preview')).not.toBeInTheDocument();

      await user.upload(screen.getByTestId('composer-file-input'), file);
      await user.type(input, '{Enter}');
      expect(onSend).toHaveBeenLastCalledWith('', { file, width: null, height: null });
    });

    it('keeps the image when the message was not accepted', async () => {
      const { user, input } = setup(false);
      await user.upload(screen.getByTestId('composer-file-input'), imageFile());
      await user.type(input, '{Enter}');
      expect(screen.getByTestId('attachment-preview')).toBeInTheDocument();
    });

    it('attaches a pasted image instead of pasting text', () => {
      setup();
      const input = screen.getByTestId('composer-input');
      const file = imageFile('Screenshot.png');
      const paste = createEvent.paste(input, { clipboardData: { files: [file], items: [], types: ['Files'] } });
      fireEvent(input, paste);
      expect(paste.defaultPrevented).toBe(true);
      expect(screen.getByTestId('attachment-preview')).toBeInTheDocument();
      expect(screen.getByText('Screenshot.png')).toBeInTheDocument();
    });

    it('leaves a plain text paste alone', () => {
      setup();
      const input = screen.getByTestId('composer-input');
      const paste = createEvent.paste(input, { clipboardData: { files: [], items: [], types: ['text/plain'] } });
      fireEvent(input, paste);
      expect(paste.defaultPrevented).toBe(false);
      expect(screen.queryByTestId('attachment-preview')).not.toBeInTheDocument();
    });

    it('attaches an image dropped on it', () => {
      setup();
      const form = screen.getByTestId('composer-input').closest('form')!;
      const dataTransfer = { files: [imageFile('dropped.webp', 'image/webp')], items: [], types: ['Files'] };
      const over = createEvent.dragOver(form, { dataTransfer });
      fireEvent(form, over);
      expect(over.defaultPrevented).toBe(true); // allows the drop
      fireEvent.drop(form, { dataTransfer });
      expect(screen.getByText('dropped.webp')).toBeInTheDocument();
    });
  });

  describe('drafts', () => {
    const key = draftKey('u1', 'c1');

    it('keeps unsent text through an unmount (reload, forced log-in) and clears it once sent', async () => {
      localStorage.clear();
      const user = userEvent.setup();
      const first = render(<Composer onSend={() => true} draftKey={key} />);
      await user.type(screen.getByTestId('composer-input'), 'half a thought');
      first.unmount();
      expect(localStorage.getItem(key)).toBe('half a thought');

      render(<Composer onSend={() => true} draftKey={key} />);
      expect(screen.getByTestId('composer-input')).toHaveValue('half a thought');
      await user.type(screen.getByTestId('composer-input'), '{Enter}');
      expect(localStorage.getItem(key)).toBeNull();
    });

    it('keeps drafts apart per user and conversation, and forgets them all on logout', async () => {
      localStorage.clear();
      localStorage.setItem(key, 'for c1');
      render(<Composer onSend={() => true} draftKey={draftKey('u2', 'c1')} />);
      expect(screen.getByTestId('composer-input')).toHaveValue('');
      localStorage.setItem('echos-theme', 'dark');
      forgetAllDrafts();
      expect(localStorage.getItem(key)).toBeNull();
      expect(localStorage.getItem('echos-theme')).toBe('dark');
    });
  });
});

