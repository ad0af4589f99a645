import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { bob, cat } from '../test/chat';
import { LONG_PRESS_MS, MessageBubble } from './MessageBubble';
import { imageAlt, statusFor } from './MessageList';
import type { BubbleImage } from './MessageImage';

const at = '2026-11-26T12:00:00.000Z';

describe('MessageBubble', () => {
  it('renders HTML in a message as plain text', () => {
    const xss = '<img src=x onerror=alert(1)>';
    const { container } = render(<MessageBubble text={xss} createdAt={at} seq={3} mine={false} />);
    expect(screen.getByTestId('message-text')).toHaveTextContent(xss);
    expect(screen.getByTestId('message-text').textContent).toBe(xss);
    expect(container.querySelector('img')).toBeNull();
  });

  it('makes http, https and mailto URLs safe links that open in a new tab, and leaves javascript: as text', () => {
    render(
      <MessageBubble text="docs at https://example.com/guide. not javascript:alert(1) or mailto:ada@example.com" createdAt={at} seq={3} mine={false} />,
    );
    const links = screen.getAllByTestId('message-link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com/guide', 'mailto:ada@example.com']);
    for (const a of links) {
      expect(a).toHaveAttribute('target', '_blank');
      expect(a).toHaveAttribute('rel', 'noopener noreferrer');
    }
    expect(screen.getByTestId('message-text')).toHaveTextContent('docs at https://example.com/guide. not javascript:alert(1) or mailto:ada@example.com');
  });

  it('keeps line breaks and marks whose message it is', () => {
    render(<MessageBubble text={'a\nb'} createdAt={at} seq={3} mine={false} senderName="Bob Stone" />);
    const bubble = screen.getByTestId('message');
    expect(bubble).toHaveAttribute('data-seq', '3');
    expect(bubble).toHaveAttribute('data-mine', 'false');
    expect(bubble).not.toHaveAttribute('data-status');
    expect(screen.getByTestId('message-text').textContent).toBe('a\nb');
    expect(screen.getByText('Bob Stone')).toBeInTheDocument();
  });

  it.each([
    ['pending', 'Sending'],
    ['sent', 'Sent'],
    ['delivered', 'Delivered'],
    ['read', 'Read'],
  ] as const)('shows the %s tick on my message', (status, label) => {
    render(<MessageBubble text="hi" createdAt={at} seq={status === 'pending' ? null : 4} mine status={status} showTicks />);
    const bubble = screen.getByTestId('message');
    expect(bubble).toHaveAttribute('data-status', status);
    expect(bubble).toHaveAttribute('data-mine', 'true');
    expect(bubble).toHaveAttribute('data-seq', status === 'pending' ? '' : '4');
    expect(screen.getByRole('img', { name: label })).toBeInTheDocument();
    expect(screen.queryByTestId('message-retry')).not.toBeInTheDocument();
  });

  it('coloured ticks only when read', () => {
    const { rerender } = render(<MessageBubble text="hi" createdAt={at} seq={4} mine status="delivered" showTicks />);
    expect(screen.getByTestId('message-ticks').querySelector('svg')).not.toHaveClass('text-info');
    rerender(<MessageBubble text="hi" createdAt={at} seq={4} mine status="read" showTicks />);
    expect(screen.getByTestId('message-ticks').querySelector('svg')).toHaveClass('text-info');
  });

  it('offers a retry on a failed message', () => {
    let retried = 0;
    render(
      <MessageBubble text="hi" createdAt={at} seq={null} mine status="failed" error="Slow down." onRetry={() => retried++} />,
    );
    expect(screen.getByText('Slow down.')).toBeInTheDocument();
    screen.getByTestId('message-retry').click();
    expect(retried).toBe(1);
  });
});

describe('MessageBubble with an image', () => {
  const photo: BubbleImage = {
    src: '/api/media/img1/thumbnail',
    fullSrc: '/api/media/img1',
    width: 1600,
    height: 1200,
    alt: 'Image from Bob Stone',
  };

  it('shows the thumbnail sized from width/height, with alt text, and no empty caption', () => {
    render(<MessageBubble text="" createdAt={at} seq={5} mine={false} image={photo} />);
    const img = screen.getByTestId('message-image');
    expect(img).toHaveAttribute('src', '/api/media/img1/thumbnail');
    expect(img).toHaveAttribute('alt', 'Image from Bob Stone');
    expect(img).toHaveAttribute('width', '320');
    expect(img).toHaveAttribute('height', '240');
    expect(img).toHaveClass('max-w-full');
    expect(screen.queryByTestId('message-text')).not.toBeInTheDocument();
    expect(screen.queryByTestId('upload-progress')).not.toBeInTheDocument();
  });

  it('shows the caption below the image', () => {
    render(<MessageBubble text="our cat" createdAt={at} seq={5} mine={false} image={{ ...photo, alt: 'our cat' }} />);
    const img = screen.getByTestId('message-image');
    const caption = screen.getByTestId('message-text');
    expect(caption).toHaveTextContent('our cat');
    expect(img.compareDocumentPosition(caption) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('opens the full image in a lightbox; Esc, the close button and a click outside close it', async () => {
    const user = userEvent.setup();
    render(<MessageBubble text="" createdAt={at} seq={5} mine={false} image={photo} />);
    expect(screen.queryByTestId('lightbox')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('message-image'));
    expect(screen.getByTestId('lightbox')).toHaveAttribute('role', 'dialog');
    expect(screen.getByTestId('lightbox-image')).toHaveAttribute('src', '/api/media/img1');
    expect(screen.getByTestId('lightbox-image')).toHaveAttribute('alt', 'Image from Bob Stone');
    expect(screen.getByTestId('lightbox-close')).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('lightbox')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('message-image'));
    await user.click(screen.getByTestId('lightbox-close'));
    expect(screen.queryByTestId('lightbox')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('message-image'));
    await user.click(screen.getByTestId('lightbox-backdrop'));
    expect(screen.queryByTestId('lightbox')).not.toBeInTheDocument();
  });

  it('shows the local preview with upload progress while sending', () => {
    render(
      <MessageBubble
        text="hi"
        createdAt={at}
        seq={null}
        mine
        status="pending"
        image={{ src: 'blob:test/9', fullSrc: 'blob:test/9', width: null, height: null, alt: 'hi' }}
        uploadProgress={40}
      />,
    );
    expect(screen.getByTestId('message-image')).toHaveAttribute('src', 'blob:test/9');
    expect(screen.getByTestId('upload-progress')).toHaveAttribute('value', '40');
  });

  it('says so when the image cannot be loaded', () => {
    render(<MessageBubble text="" createdAt={at} seq={5} mine={false} image={photo} />);
    fireEvent.error(screen.getByTestId('message-image'));
    expect(screen.getByTestId('message-image-broken')).toHaveTextContent('Image unavailable');
  });

  it('alt text is the caption, else who sent it', () => {
    expect(imageAlt('  our\ncat ', 'Bob Stone')).toBe('our cat');
    expect(imageAlt('', 'Bob Stone')).toBe('Image from Bob Stone');
    expect(imageAlt('', null)).toBe('Image');
  });
});

describe('statusFor', () => {
  it('derives my message status from the other members', () => {
    expect(statusFor(5, [bob({ deliveredSeq: 4, readSeq: 4 })])).toBe('sent');
    expect(statusFor(5, [bob({ deliveredSeq: 5, readSeq: 4 })])).toBe('delivered');
    expect(statusFor(5, [bob({ deliveredSeq: 5, readSeq: 7 })])).toBe('read');
    expect(statusFor(5, [bob({ readSeq: 5, deliveredSeq: 5 }), cat({ deliveredSeq: 5 })])).toBe('delivered');
    expect(statusFor(5, [])).toBe('sent');
  });
});

describe('MessageBubble edits and deletes', () => {
  const photo: BubbleImage = { src: '/api/media/i/thumbnail', fullSrc: '/api/media/i', width: 100, height: 100, alt: 'cat' };

  it('shows "edited" with the edit time as its tooltip', () => {
    const { rerender } = render(<MessageBubble text="hello" createdAt={at} seq={3} mine={false} />);
    expect(screen.queryByTestId('message-edited')).not.toBeInTheDocument();
    rerender(<MessageBubble text="hello" createdAt={at} seq={3} mine={false} editedAt="2026-11-26T13:05:00.000Z" />);
    const label = screen.getByTestId('message-edited');
    expect(label).toHaveTextContent('edited');
    expect(label.getAttribute('title')).toMatch(/^Edited .*2026/);
  });

  it('a tombstone says it was deleted, without text, image or menu, at the same seq', () => {
    render(<MessageBubble text="" createdAt={at} seq={4} mine image={photo} deleted editedAt={at} canEdit canDelete />);
    const bubble = screen.getByTestId('message');
    expect(bubble).toHaveAttribute('data-seq', '4');
    expect(screen.getByTestId('message-deleted')).toHaveTextContent('This message was deleted');
    expect(screen.getByTestId('message-deleted')).toHaveClass('italic');
    expect(screen.queryByTestId('message-text')).not.toBeInTheDocument();
    expect(screen.queryByTestId('message-image')).not.toBeInTheDocument();
    expect(screen.queryByTestId('message-edited')).not.toBeInTheDocument();
    expect(screen.queryByTestId('message-menu')).not.toBeInTheDocument();
  });

  it('the menu offers the allowed actions', async () => {
    const user = userEvent.setup();
    const onEdit = vi.fn();
    const onDelete = vi.fn();
    const { rerender } = render(
      <MessageBubble text="hi" createdAt={at} seq={3} mine status="sent" canEdit canDelete onEdit={onEdit} onDelete={onDelete} />,
    );
    const menu = screen.getByTestId('message-menu');
    expect(screen.getByTestId('message')).toContainElement(menu);
    expect(screen.queryByTestId('message-edit')).not.toBeInTheDocument();
    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByTestId('message-edit'));
    expect(onEdit).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('message-edit')).not.toBeInTheDocument(); // closed again

    await user.click(menu);
    await user.click(screen.getByTestId('message-delete'));
    expect(onDelete).toHaveBeenCalledTimes(1);

    // Someone else's message, for a group admin: delete only.
    rerender(<MessageBubble text="hi" createdAt={at} seq={3} mine={false} canDelete onDelete={onDelete} />);
    await user.click(screen.getByTestId('message-menu'));
    expect(screen.queryByTestId('message-edit')).not.toBeInTheDocument();
    expect(screen.getByTestId('message-delete')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('message-delete')).not.toBeInTheDocument();
  });

  it('no menu on pending or failed messages, or without any allowed action', () => {
    const { rerender } = render(<MessageBubble text="hi" createdAt={at} seq={null} mine status="pending" canEdit canDelete />);
    expect(screen.queryByTestId('message-menu')).not.toBeInTheDocument();
    rerender(<MessageBubble text="hi" createdAt={at} seq={null} mine status="failed" canEdit canDelete />);
    expect(screen.queryByTestId('message-menu')).not.toBeInTheDocument();
    rerender(<MessageBubble text="hi" createdAt={at} seq={3} mine={false} />);
    expect(screen.queryByTestId('message-menu')).not.toBeInTheDocument();
  });

  it('a long press opens the menu (touch); a short tap does not', () => {
    vi.useFakeTimers();
    try {
      render(<MessageBubble text="hi" createdAt={at} seq={3} mine status="sent" canEdit canDelete />);
      const text = screen.getByTestId('message-text');
      fireEvent.touchStart(text, { touches: [{ clientX: 1, clientY: 1 }] });
      act(() => vi.advanceTimersByTime(LONG_PRESS_MS - 100));
      fireEvent.touchEnd(text);
      act(() => vi.advanceTimersByTime(1000));
      expect(screen.queryByTestId('message-edit')).not.toBeInTheDocument();

      fireEvent.touchStart(text, { touches: [{ clientX: 1, clientY: 1 }] });
      act(() => vi.advanceTimersByTime(LONG_PRESS_MS));
      expect(screen.getByTestId('message-edit')).toBeInTheDocument();
      expect(screen.getByTestId('message-delete')).toBeInTheDocument();
      fireEvent.touchEnd(text);
    } finally {
      vi.useRealTimers();
    }
  });

  it('edits in place: prefilled, Shift+Enter adds a line, Enter saves, Esc cancels', async () => {
    const user = userEvent.setup();
    const onSaveEdit = vi.fn();
    const onCancelEdit = vi.fn();
    render(<MessageBubble text="helo" createdAt={at} seq={3} mine status="sent" canEdit editing onSaveEdit={onSaveEdit} onCancelEdit={onCancelEdit} />);
    const input = screen.getByTestId('message-edit-input');
    expect(input).toHaveValue('helo');
    expect(input).toHaveFocus();
    expect(screen.queryByTestId('message-text')).not.toBeInTheDocument();
    expect(screen.queryByTestId('message-menu')).not.toBeInTheDocument();

    await user.clear(input);
    await user.type(input, 'hello{Shift>}{Enter}{/Shift}there');
    expect(onSaveEdit).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    expect(onSaveEdit).toHaveBeenCalledWith('hello\nthere');

    await user.keyboard('{Escape}');
    expect(onCancelEdit).toHaveBeenCalledTimes(1);
    await user.click(screen.getByTestId('message-edit-cancel'));
    expect(onCancelEdit).toHaveBeenCalledTimes(2);

    await user.clear(input);
    expect(screen.getByTestId('message-edit-save')).toBeDisabled(); // empty text
    await user.type(input, 'ok');
    await user.click(screen.getByTestId('message-edit-save'));
    expect(onSaveEdit).toHaveBeenLastCalledWith('ok');
  });

  it('an image caption may be edited to empty', async () => {
    const user = userEvent.setup();
    const onSaveEdit = vi.fn();
    render(<MessageBubble text="cat" createdAt={at} seq={3} mine status="sent" image={photo} canEdit editing onSaveEdit={onSaveEdit} />);
    expect(screen.getByTestId('message-image')).toBeInTheDocument();
    await user.clear(screen.getByTestId('message-edit-input'));
    expect(screen.getByTestId('message-edit-save')).toBeEnabled();
    await user.keyboard('{Enter}');
    expect(onSaveEdit).toHaveBeenCalledWith('');
  });
});
