import { ChatIcon } from './icons';

export function Logo({ size = 'md' }: { size?: 'sm' | 'md' }) {
  const box = size === 'sm' ? 'size-8 rounded-lg' : 'size-12 rounded-2xl';
  const icon = size === 'sm' ? 'size-4' : 'size-6';
  return (
    <span className={`${box} bg-primary/10 text-primary grid place-items-center shrink-0`}>
      <ChatIcon className={icon} />
    </span>
  );
}
