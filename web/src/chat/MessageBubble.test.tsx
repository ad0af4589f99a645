import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bob, cat } from '../test/chat';
import { MessageBubble } from './MessageBubble';
import { statusFor } from './MessageList';

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

describe('statusFor', () => {
  it('derives my message status from the other members', () => {
    expect(statusFor(5, [bob({ deliveredSeq: 4, readSeq: 4 })])).toBe('sent');
    expect(statusFor(5, [bob({ deliveredSeq: 5, readSeq: 4 })])).toBe('delivered');
    expect(statusFor(5, [bob({ deliveredSeq: 5, readSeq: 7 })])).toBe('read');
    expect(statusFor(5, [bob({ readSeq: 5, deliveredSeq: 5 }), cat({ deliveredSeq: 5 })])).toBe('delivered');
    expect(statusFor(5, [])).toBe('sent');
  });
});
