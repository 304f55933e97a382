import type { ButtonHTMLAttributes, ComponentProps, ReactNode } from 'react';
import { useState } from 'react';

/** Small building blocks shared by the panel views. Only presentation; no words of their own. */

export function cx(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(' ');
}

const ICONS = {
  visit: (
    <>
      <path d="M12 21s-7-6.1-7-11a7 7 0 0 1 14 0c0 4.9-7 11-7 11z" />
      <circle cx="12" cy="10" r="2.5" />
    </>
  ),
  call: (
    <path d="M21 16.5v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 1.2 3.7 2 2 0 0 1 3.2 1.5h3a2 2 0 0 1 2 1.7c.1.9.4 1.9.7 2.8a2 2 0 0 1-.5 2.1L7.1 9.4a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.8.7a2 2 0 0 1 1.7 2z" />
  ),
  email: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="m3.5 7 8.5 6 8.5-6" />
    </>
  ),
  order: (
    <>
      <path d="M6 3 3.5 6.5V20a1.5 1.5 0 0 0 1.5 1.5h14a1.5 1.5 0 0 0 1.5-1.5V6.5L18 3z" />
      <path d="M3.5 6.5h17" />
      <path d="M15.5 10a3.5 3.5 0 0 1-7 0" />
    </>
  ),
  note: (
    <>
      <path d="M12 20h9" />
      <path d="M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4z" />
    </>
  ),
  collapse: (
    <>
      <path d="m13 17 5-5-5-5" />
      <path d="m6 17 5-5-5-5" />
    </>
  ),
  search: (
    <>
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </>
  ),
  back: (
    <>
      <path d="M19 12H5" />
      <path d="m11 18-6-6 6-6" />
    </>
  ),
  alert: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7.5v5" />
      <path d="M12 16.2v.3" />
    </>
  ),
  page: (
    <>
      <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
      <path d="M14 3v5h5" />
      <path d="M9 13h6M9 17h4" />
    </>
  ),
  plus: <path d="M12 5v14M5 12h14" />,
  chevron: <path d="m9 6 6 6-6 6" />,
  x: <path d="M18 6 6 18M6 6l12 12" />,
  copy: (
    <>
      <rect x="9" y="9" width="12" height="12" rx="2" />
      <path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1" />
    </>
  ),
  reply: (
    <>
      <path d="m9 14-5-5 5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
    </>
  ),
  clock: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" />
    </>
  ),
  check: <path d="M20 6 9 17l-5-5" />,
} as const;

export type IconName = keyof typeof ICONS;

export function Icon({ name, className = 'h-4 w-4' }: { name: IconName; className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={cx('shrink-0', className)}
    >
      {ICONS[name]}
    </svg>
  );
}

/** The product mark: a lens over a card, in the accent blue. */
export function BrandMark() {
  return (
    <span className="inline-flex h-5 w-5 items-center justify-center rounded-[5px] bg-blue-600 text-white" aria-hidden="true">
      <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.4} strokeLinecap="round" className="h-3.5 w-3.5">
        <circle cx="10.5" cy="10.5" r="5.5" />
        <path d="m15 15 4.5 4.5" />
      </svg>
    </span>
  );
}

type Tone = 'slate' | 'blue' | 'amber' | 'red' | 'green' | 'outline';
const TONES: Record<Tone, string> = {
  slate: 'bg-slate-100 text-slate-600 ring-slate-200',
  blue: 'bg-blue-50 text-blue-700 ring-blue-200',
  amber: 'bg-amber-50 text-amber-800 ring-amber-200',
  red: 'bg-red-50 text-red-700 ring-red-200',
  green: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
  outline: 'bg-white text-slate-600 ring-slate-300',
};

export function Badge({ tone = 'slate', children, className }: { tone?: Tone; children: ReactNode; className?: string }) {
  return (
    <span
      className={cx(
        'inline-flex shrink-0 items-center whitespace-nowrap rounded px-1.5 py-px text-[11px] font-medium leading-4 ring-1 ring-inset',
        TONES[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}

export function Section({
  title,
  count,
  children,
  testId,
  aside,
  skipOffscreen = false,
}: {
  title: string;
  count?: number;
  children: ReactNode;
  testId?: string;
  aside?: ReactNode;
  /**
   * The browser skips the section's style, layout and paint while it is off screen (content-visibility:
   * auto), so the sections below the fold cost the panel's first frame next to nothing and are drawn as
   * they scroll into view. Not for a section whose popups reach outside it: they would be clipped.
   */
  skipOffscreen?: boolean;
}) {
  return (
    <section
      data-testid={testId}
      className={cx('border-b border-slate-200 px-4 py-3 last:border-b-0', skipOffscreen && '[contain-intrinsic-size:auto_320px] [content-visibility:auto]')}
    >
      <div className="mb-2 flex items-center gap-2">
        <h2 className="text-[12px] font-semibold tracking-wide text-slate-500">{title}</h2>
        {count !== undefined && count > 0 && (
          <span className="rounded-full bg-slate-100 px-1.5 text-[11px] font-medium leading-4 text-slate-600 tabular-nums">{count}</span>
        )}
        {aside && <div className="ml-auto">{aside}</div>}
      </div>
      {children}
    </section>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="text-[12px] text-slate-400">{children}</p>;
}

export function ErrorLine({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="mt-2 flex items-start gap-1.5 text-[12px] leading-5 text-red-700">
      <Icon name="alert" className="mt-0.5 h-3.5 w-3.5" />
      <span className="min-w-0 break-words">{children}</span>
    </p>
  );
}

export const focusRing =
  'outline-none focus-visible:ring-2 focus-visible:ring-blue-500 focus-visible:ring-offset-1 focus-visible:ring-offset-white';

export const inputClass = cx(
  'block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-[13px] text-slate-900 placeholder:text-slate-400',
  'outline-none focus:border-blue-500 focus:ring-2 focus:ring-blue-500/20',
);

export function Button({
  variant = 'primary',
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'ghost' }) {
  const look = {
    primary: 'bg-blue-600 text-white hover:bg-blue-700 disabled:bg-blue-300',
    secondary: 'bg-white text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:text-slate-400',
    ghost: 'text-slate-600 hover:bg-slate-100 hover:text-slate-900',
  }[variant];
  return (
    <button
      type="button"
      {...props}
      className={cx('inline-flex items-center justify-center gap-1 rounded-md px-3 py-1.5 text-[13px] font-medium', look, focusRing, className)}
    />
  );
}

/** Monospace-ish digits for identifiers, so licence numbers and codes line up and read easily. */
export const idText = 'tabular-nums tracking-[0.02em] text-slate-800';

/** Compact buttons for row actions and the inline forms (12px, fixed paddings). */
export function SmallButton({
  variant = 'secondary',
  className,
  ...props
}: ComponentProps<'button'> & { variant?: 'primary' | 'secondary' | 'ghost' | 'link' }) {
  const look = {
    primary: 'bg-blue-600 px-2.5 py-1 text-white hover:bg-blue-700 disabled:bg-blue-300',
    secondary: 'bg-white px-2.5 py-1 text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:text-slate-400',
    ghost: 'px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900 disabled:text-slate-300',
    link: 'px-1 py-0.5 text-blue-700 hover:bg-blue-50 hover:text-blue-800 disabled:text-slate-400',
  }[variant];
  return (
    <button
      type="button"
      {...props}
      className={cx('inline-flex shrink-0 items-center justify-center gap-1 whitespace-nowrap rounded-md text-[12px] font-medium leading-4', look, focusRing, className)}
    />
  );
}

/** A square icon-only button; `label` is its accessible name and tooltip. */
export function IconButton({
  icon,
  label,
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { icon: IconName; label: string }) {
  return (
    <button
      type="button"
      title={label}
      aria-label={label}
      {...props}
      className={cx('shrink-0 rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700 disabled:text-slate-300', focusRing, className)}
    >
      <Icon name={icon} className="h-3.5 w-3.5" />
    </button>
  );
}

/** The small grey label above a form field. */
export const fieldLabel = 'mb-1 block text-[11.5px] font-medium text-slate-500';
/** Inputs of the inline forms: a little smaller than `inputClass`. */
export const smallInput = cx(
  'block w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-[12.5px] text-slate-900 placeholder:text-slate-400',
  'outline-none focus:border-blue-500 focus:ring-2 focus:ring-blue-500/20',
);

/**
 * One choice out of a few, as a row of chips: real radio buttons (arrow keys move between them), so the
 * group is keyboard-usable and testable by its labels or values.
 */
export function Chips<T extends string>({
  name,
  label,
  value,
  options,
  onChange,
  testId,
  className,
  labelHidden,
}: {
  name: string;
  label: string;
  value: T | undefined;
  options: readonly { value: NoInfer<T>; label: string; tone?: 'red' }[];
  onChange(value: NoInfer<T>): void;
  testId?: string;
  className?: string;
  labelHidden?: boolean;
}) {
  return (
    <fieldset data-testid={testId} className={cx('min-w-0', className)}>
      <legend className={labelHidden ? 'sr-only' : fieldLabel}>{label}</legend>
      <div className="flex flex-wrap gap-1">
        {options.map((o) => (
          <label key={o.value} className="relative">
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              className="peer sr-only"
            />
            <span
              className={cx(
                'inline-flex cursor-pointer select-none items-center whitespace-nowrap rounded-md px-2 py-[3px] text-[12px] leading-4 ring-1 ring-inset',
                'bg-white text-slate-600 ring-slate-300 hover:bg-slate-50',
                o.tone === 'red'
                  ? 'peer-checked:bg-red-50 peer-checked:text-red-700 peer-checked:ring-red-400'
                  : 'peer-checked:bg-blue-50 peer-checked:text-blue-700 peer-checked:ring-blue-500',
                'peer-focus-visible:ring-2 peer-focus-visible:ring-blue-500',
              )}
            >
              {o.label}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The first few items of a long list, and a button for the rest: a customer with dozens of open tasks or
 * needs still gets a panel that paints at once and reads from the top (most urgent first).
 */
export function useFirstFew<T>(items: readonly T[], few: number): { shown: readonly T[]; more: (t: (key: 'conv.talking.more' | 'conv.talking.less', p?: Record<string, number>) => string, testId: string) => ReactNode } {
  const [expanded, setExpanded] = useState(false);
  const shown = expanded || items.length <= few + 1 ? items : items.slice(0, few);
  return {
    shown,
    more: (t, testId) =>
      items.length > few + 1 ? (
        <button
          type="button"
          data-testid={testId}
          aria-expanded={expanded}
          onClick={() => setExpanded((e) => !e)}
          className={cx('mt-1 w-full rounded py-1 text-center text-[12px] text-blue-700 hover:bg-blue-50', focusRing)}
        >
          {expanded ? t('conv.talking.less') : t('conv.talking.more', { count: items.length - few })}
        </button>
      ) : null,
  };
}
