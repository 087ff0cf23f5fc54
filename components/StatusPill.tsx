import type { ExpiryStatus } from '../utils/tokens/expiry';

const STATUS_TEXT: Record<ExpiryStatus, string> = {
  valid: 'valid',
  expiring: 'expiring soon',
  expired: 'expired',
  'not-yet-valid': 'not yet valid',
  unknown: 'expiry unknown',
};

export function StatusPill({ status }: { status: ExpiryStatus }) {
  return <span className={`pill pill-${status}`}>{STATUS_TEXT[status]}</span>;
}
