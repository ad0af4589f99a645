export function Spinner({ className = 'loading-sm' }: { className?: string }) {
  return <span className={`loading loading-spinner ${className}`} aria-hidden="true" />;
}

export function FullPageSpinner() {
  return (
    <div
      className="min-h-dvh grid place-items-center bg-base-200"
      role="status"
      aria-label="Loading"
      data-testid="app-loading"
    >
      <Spinner className="loading-lg text-primary" />
    </div>
  );
}
