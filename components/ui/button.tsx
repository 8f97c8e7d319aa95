import type { ButtonHTMLAttributes } from "react";
import { cn } from "@/lib/utils";

const VARIANTS = {
  primary: "bg-primary text-primary-foreground hover:opacity-90",
  secondary: "border border-border bg-card text-foreground hover:bg-muted",
  ghost: "text-foreground hover:bg-muted",
  danger: "bg-danger text-white hover:opacity-90",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

// Callers resize a button by passing their own height, padding or text size (e.g. "min-h-8 px-3"):
// such a class replaces the default instead of competing with it in the stylesheet, where the winner
// would depend on the order Tailwind emits them in. (This is the one override the app needs; a general
// class merger such as tailwind-merge costs ≈ 9 KB gzipped on every page.)
const SIZE_DEFAULTS = [
  { base: "min-h-10", replacedBy: /(?:^|\s)min-h-/ },
  { base: "px-4", replacedBy: /(?:^|\s)px-/ },
  { base: "text-sm", replacedBy: /(?:^|\s)text-(?:xs|sm|base|lg|[2-9]?xl)(?:\s|$)/ },
];

export function buttonClasses(variant: ButtonVariant = "primary", className?: string): string {
  const size = SIZE_DEFAULTS.filter((d) => !className || !d.replacedBy.test(className)).map((d) => d.base);
  return cn(
    "inline-flex items-center justify-center gap-2 rounded-md font-medium transition disabled:cursor-not-allowed disabled:opacity-50",
    size,
    VARIANTS[variant],
    className,
  );
}

export function Button({
  variant = "primary",
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button data-slot="button" className={buttonClasses(variant, className)} {...props} />;
}
