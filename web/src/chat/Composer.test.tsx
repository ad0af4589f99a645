import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
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

  it('blocks text over 4000 characters and shows the count', async () => {
    const { user, input, send } = setup();
    await user.click(input);
    await user.paste('x'.repeat(4001));
    expect(screen.getByTestId('composer-count')).toHaveTextContent('4001/4000');
    expect(send).toBeDisabled();
  });
});
