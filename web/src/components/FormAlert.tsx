import type { FormError } from '../store/forms';
import { AlertIcon } from './icons';

/** Shows a form-level error when the store marked it for inline display. */
export function FormAlert({ error, testId }: { error: FormError | null; testId?: string }) {
  if (!error || error.display !== 'inline') return null;
  return (
    <div role="alert" className="alert alert-error alert-soft text-sm py-2" data-testid={testId}>
      <AlertIcon className="size-4" />
      <span>{error.message}</span>
    </div>
  );
}
