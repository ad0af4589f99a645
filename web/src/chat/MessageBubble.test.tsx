import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { bob, cat } from '../test/chat';
import { MessageBubble } from './MessageBubble';
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
