"use client";
// Small shared pieces for lesson widgets: a titled frame and labelled controls.
import { useId, useSyncExternalStore, type ReactNode } from "react";

const noSubscribe = () => () => {};
/**
 * False in the server HTML and during hydration, true once React owns the page. Controls stay disabled
 * until then: React 19 keeps a control's pre-hydration DOM value without calling onChange, so a slider
 * pushed to its end before hydration showed the end while the widget's state stayed at the start, and
 * pushing it to the end again fired no event (the withdrawn count++ widget's "slider never advanced").
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
}

export function WidgetFrame({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  return (
    <section
      className="lesson-widget my-6 rounded-lg border border-primary/40 bg-card p-4"
      aria-label={`Interactive: ${title}`}
    >
      <h3 className="text-base font-semibold">
        <span className="mr-2 rounded bg-primary px-1.5 py-0.5 text-xs font-medium text-primary-foreground">
          Try it
        </span>
        {title}
      </h3>
      <p className="mt-1 text-sm text-muted-foreground">{intro}</p>
      <div className="mt-3 flex flex-col gap-3">{children}</div>
    </section>
  );
}

export function RangeField({
  label,
  value,
  min,
  max,
  step = 1,
  unit = "",
  onChange,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  unit?: string;
  onChange: (v: number) => void;
}) {
  const id = useId();
  const hydrated = useHydrated();
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id} className="flex justify-between gap-2">
        <span>{label}</span>
        <output htmlFor={id} className="font-mono">
          {value}
          {unit}
        </output>
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        disabled={!hydrated}
        onChange={(e) => onChange(Number(e.target.value))}
        className="accent-[var(--primary)]"
      />
    </div>
  );
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (v: T) => void;
}) {
  const id = useId();
  const hydrated = useHydrated();
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={!hydrated}
        onChange={(e) => onChange(e.target.value as T)}
        className="rounded-md border border-border bg-background px-2 py-1.5"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckField({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  const hydrated = useHydrated();
  return (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        checked={checked}
        disabled={!hydrated}
        onChange={(e) => onChange(e.target.checked)}
        className="size-4 accent-[var(--primary)]"
      />
      {label}
    </label>
  );
}

export function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-md border border-border px-3 py-2">
      <div className="text-xs text-muted-foreground">{label}</div>
      <div className="font-mono text-sm font-semibold">{value}</div>
    </div>
  );
}

export function ErrorList({ errors }: { errors: { path: string; message: string }[] }) {
  return (
    <ul role="alert" className="list-disc pl-5 text-sm text-danger">
      {errors.slice(0, 5).map((e, i) => (
        <li key={i}>
          {e.path ? `${e.path}: ` : ""}
          {e.message}
        </li>
      ))}
    </ul>
  );
}

export const fmt = (n: number | null, digits = 1) => (n === null ? "—" : n.toFixed(digits));
