// A date field that follows the app's language, not the browser's: a text input in the locale's day-first pattern,
// read as typed (DateFieldText.ts), with the day spelled out beside it so a slip (03.08 vs 08.03) shows at once, a
// reason when it cannot be read, and ↑/↓ to step a day. Used wherever a date is entered (period, plan forms).
import { useEffect, useId, useState } from 'react';
import { useFmt, useLocale, useT } from '../../i18n/I18n.tsx';
import { datePattern, formatDateInput, parseDateInput } from './DateFieldText.ts';
import './DateField.css';

export interface DateFieldProps {
  label: string;
  /** YYYY-MM-DD */
  value: string;
  onChange: (day: string) => void;
  min?: string;
  max?: string;
  testId?: string;
  /** an empty field is allowed and means "no day" ('' to onChange): a filter's open end */
  optional?: boolean;
}

const step = (day: string, by: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + by * 86_400_000).toISOString().slice(0, 10);

export function DateField({ label, value, onChange, min, max, testId, optional = false }: DateFieldProps) {
  const locale = useLocale();
  const t = useT();
  const f = useFmt();
  const [text, setText] = useState(() => formatDateInput(value, locale));
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hintId = useId();
  // A change from outside (a preset, a link, the language) rewrites the field unless the user is typing in it.
  useEffect(() => {
    if (!editing) setText(formatDateInput(value, locale));
  }, [value, locale, editing]);
  const bounds = { min, max };
  const reasonOf = (r: 'format' | 'day' | 'before' | 'after'): string =>
    r === 'before' && min
      ? t('date.before', { day: f.day(min) })
      : r === 'after' && max
        ? t('date.after', { day: f.day(max) })
        : t(r === 'day' ? 'date.noSuchDay' : 'date.format', { pattern: datePattern(locale) });
  const read = (typed: string, final: boolean): void => {
    if (optional && typed.trim() === '') {
      setError(null);
      if (value !== '') onChange('');
      return;
    }
    const r = parseDateInput(typed, bounds);
    if (r.ok) {
      setError(null);
      if (r.day !== value) onChange(r.day);
    } else if (final) setError(reasonOf(r.reason));
  };
  return (
    <label className="date-field">
      {label}
      <input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        data-testid={testId}
        value={text}
        placeholder={datePattern(locale)}
        aria-describedby={hintId}
        aria-invalid={error ? true : undefined}
        onFocus={() => setEditing(true)}
        onChange={(e) => {
          setText(e.target.value);
          // A complete, valid day applies at once; a half-typed one waits for Enter or leaving the field.
          read(e.target.value, false);
        }}
        onBlur={() => {
          setEditing(false);
          read(text, true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            read(text, true);
            return;
          }
          if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
          e.preventDefault();
          const next = step(value, e.key === 'ArrowUp' ? 1 : -1);
          if ((min && next < min) || (max && next > max)) return;
          setText(formatDateInput(next, locale));
          setError(null);
          onChange(next);
        }}
      />
      <span id={hintId} className={error ? 'date-hint date-error' : 'date-hint'} role={error ? 'alert' : undefined}>
        {error ?? (value ? f.dayLong(value) : datePattern(locale))}
      </span>
    </label>
  );
}
