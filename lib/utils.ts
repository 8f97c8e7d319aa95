import { type ClassValue, clsx } from "clsx";

/**
 * Joins class names. It does not resolve conflicts between Tailwind utilities: components pick one
 * class per property (`checked ? "border-primary" : "border-border"`) instead of stacking overrides.
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
