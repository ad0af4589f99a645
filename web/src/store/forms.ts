import { asApiError } from '../lib/api';
import type { FieldErrors } from '../lib/types';
import { toast } from './toast';

/**
 * How a failure is shown:
 * - 'fields': inline next to the inputs (fieldErrors is non-empty)
 * - 'inline': one alert inside the form (e.g. wrong email or password)
 * - 'toast' : a toast (network, rate limiting, server errors)
 */
export type ErrorDisplay = 'fields' | 'inline' | 'toast';

export interface FormError {
  code: string;
  message: string;
  display: ErrorDisplay;
}

/** Request state of one async action. */
export interface FormState {
  loading: boolean;
  error: FormError | null;
  fieldErrors: FieldErrors;
}

export const idleForm: FormState = { loading: false, error: null, fieldErrors: {} };
export const pendingForm: FormState = { loading: true, error: null, fieldErrors: {} };

export function invalidForm(fieldErrors: FieldErrors): FormState {
  return {
    loading: false,
    error: { code: 'validation_failed', message: 'Please fix the highlighted fields.', display: 'fields' },
    fieldErrors,
  };
}

export interface FailureOptions {
  /** Error codes shown as an error on one field, e.g. email_taken -> email. */
  codeToField?: Record<string, { field: string; message?: string }>;
  /** Error codes shown as an alert inside the form, with a fallback message. */
  inlineCodes?: Record<string, string>;
}

/** Maps a caught error to form state; toasts whatever is not shown inline. */
export function failedForm(err: unknown, options: FailureOptions = {}): FormState {
  const e = asApiError(err);
  const fieldErrors: FieldErrors = { ...e.fields };
  const mapped = options.codeToField?.[e.code];
  if (mapped && !fieldErrors[mapped.field]) fieldErrors[mapped.field] = mapped.message ?? e.message;

  if (Object.keys(fieldErrors).length > 0) {
    return { loading: false, error: { code: e.code, message: e.message, display: 'fields' }, fieldErrors };
  }

  const inlineFallback = options.inlineCodes?.[e.code];
  if (inlineFallback !== undefined) {
    return {
      loading: false,
      error: { code: e.code, message: e.message || inlineFallback, display: 'inline' },
      fieldErrors: {},
    };
  }

  toast.error(e.message);
  return { loading: false, error: { code: e.code, message: e.message, display: 'toast' }, fieldErrors: {} };
}

/** Removes one field's error (called while the user edits that field). */
export function withoutFieldError(form: FormState, field: string): FormState {
  if (!(field in form.fieldErrors)) return form;
  const fieldErrors = { ...form.fieldErrors };
  delete fieldErrors[field];
  return { ...form, fieldErrors };
}
