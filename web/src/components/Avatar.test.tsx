import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Avatar } from './Avatar';

describe('Avatar', () => {
  it('shows the photo when there is an avatarUrl', () => {
    const { container } = render(<Avatar fullName="Ada Lovelace" avatarUrl="/api/media/av1" imgTestId="avatar-img" />);
    const img = screen.getByTestId('avatar-img');
    expect(img.tagName).toBe('IMG');
    expect(img).toHaveAttribute('src', '/api/media/av1');
    expect(container).not.toHaveTextContent('AL');
  });

  it('shows initials without an avatarUrl', () => {
    const { container } = render(<Avatar fullName="Ada Lovelace" avatarUrl={null} imgTestId="avatar-img" />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('AL')).toBeInTheDocument();
  });

  it('falls back to initials when the photo fails to load, and tries a new url again', () => {
    const { container, rerender } = render(<Avatar fullName="Ada Lovelace" avatarUrl="/api/media/gone" />);
    fireEvent.error(container.querySelector('img')!);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('AL')).toBeInTheDocument();
    rerender(<Avatar fullName="Ada Lovelace" avatarUrl="/api/media/av2" />);
    expect(container.querySelector('img')).toHaveAttribute('src', '/api/media/av2');
  });
});
