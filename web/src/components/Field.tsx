import type { ChangeEvent, ReactNode } from 'react';
import { charCount } from '../auth/validation';

interface BaseProps {
  /** Field name as used by the API (`fields`) and by the `error-<name>` test id. */
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  testId?: string;
  idPrefix?: string;
  autoFocus?: boolean;
}

interface InputProps extends BaseProps {
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  maxLength?: number;
  readOnly?: boolean;
}

function FieldError({ id, name, error }: { id: string; name: string; error: string }) {
  return (
    <p id={id} className="text-error text-sm" data-testid={`error-${name}`}>
      {error}
    </p>
  );
}

export function TextField({
  name,
  label,
  value,
  onChange,
  error,
  hint,
  testId,
  idPrefix = 'field',
  type = 'text',
  autoComplete,
  autoFocus,
  maxLength,
  readOnly,
}: InputProps) {
  const id = `${idPrefix}-${name}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <div className="fieldset py-1">
      <label htmlFor={id} className="fieldset-legend pb-1 pt-0">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        className={`input w-full ${error ? 'input-error' : ''} ${readOnly ? 'bg-base-200 text-base-content/70 cursor-default' : ''}`}
        value={value}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        maxLength={maxLength}
        readOnly={readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : hint ? hintId : undefined}
        data-testid={testId}
      />
      {error ? (
        <FieldError id={errorId} name={name} error={error} />
      ) : hint ? (
        <p id={hintId} className="label text-xs whitespace-normal">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

interface TextAreaProps extends BaseProps {
  maxLength: number;
  rows?: number;
}

/** Textarea with a live "x/max" counter. */
export function TextAreaField({
  name,
  label,
  value,
  onChange,
  error,
  testId,
  idPrefix = 'field',
  maxLength,
  rows = 3,
}: TextAreaProps) {
  const id = `${idPrefix}-${name}`;
  const errorId = `${id}-error`;
  const count = charCount(value);
  const over = count > maxLength;
  return (
    <div className="fieldset py-1">
      <label htmlFor={id} className="fieldset-legend pb-1 pt-0">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        className={`textarea w-full ${error ? 'textarea-error' : ''}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-testid={testId}
      />
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">{error && <FieldError id={errorId} name={name} error={error} />}</div>
        <span
          className={`text-xs tabular-nums shrink-0 ${over ? 'text-error' : 'text-base-content/60'}`}
          data-testid={`${testId ?? name}-count`}
          aria-live="polite"
        >
          {count}/{maxLength}
        </span>
      </div>
    </div>
  );
}
