/** Numbers of the report as the desk shows them (Russian first: 95,5 %, 4,5). */
import { i18n } from '../../i18n/index.ts';

const locale = () => (i18n.language === 'en' ? 'en-GB' : 'ru-RU');

export function formatShare(value: number | null): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

export function formatNumber(value: number | null, digits = 1): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);
}

/** A signed share: −50 %, +12,5 %. */
export function formatChange(value: number | null): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
}
