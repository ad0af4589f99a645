import type { ReactNode } from 'react';
import { Spinner } from './Spinner';

interface Props {
  loading: boolean;
  children: ReactNode;
  testId?: string;
  className?: string;
}

/** Primary submit button: spinner + disabled while its request runs. */
export function SubmitButton({ loading, children, testId, className = 'w-full' }: Props) {
  return (
    <button
      type="submit"
      className={`btn btn-primary ${className}`}
      disabled={loading}
      aria-busy={loading}
      data-testid={testId}
    >
      {loading && <Spinner />}
      {children}
    </button>
  );
}
