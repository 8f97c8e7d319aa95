import { useSyncExternalStore } from "react";

// "Who am I" for the header, read once per tab from next-auth's own /api/auth/session. This replaces
// next-auth/react's SessionProvider (≈ 10 KB gzipped with its Babel runtime, shipped to every page) for
// the one thing the browser needs it for. Sign-in forms call refreshSessionUser(); signing out reloads.

export type Role = "STUDENT" | "INSTRUCTOR" | "ADMIN";
export interface SessionUser {
  name: string | null;
  role: Role | null;
}
export type SessionState = { status: "loading" } | { status: "ready"; user: SessionUser | null };

const LOADING: SessionState = { status: "loading" };
let state: SessionState = LOADING;
let loaded: Promise<void> | null = null;
let latest = 0;
const listeners = new Set<() => void>();

async function load(): Promise<void> {
  const request = ++latest;
  let user: SessionUser | null = null;
  try {
    const response = await fetch("/api/auth/session", { cache: "no-store" });
    // Signed out, next-auth answers `{}`; signed in, `{ user: { name, email, role, … }, expires }`.
    const body = response.ok ? ((await response.json()) as { user?: { name?: string | null; role?: Role } }) : {};
    if (body.user) user = { name: body.user.name ?? null, role: body.user.role ?? null };
  } catch {
    // Offline or server down: show the signed-out header; every page checks the session on the server.
  }
  // A slower, older read (the page's first one) must not undo a newer one (after signing in).
  if (request !== latest) return;
  state = { status: "ready", user };
  for (const listener of listeners) listener();
}

/** Reads the session again (after signing in); resolves once the header has the new state. */
export function refreshSessionUser(): Promise<void> {
  loaded = load();
  return loaded;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!loaded) void refreshSessionUser();
  return () => listeners.delete(listener);
}

/** The signed-in user, or null; "loading" on the server and until the first answer arrives. */
export function useSessionUser(): SessionState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => LOADING,
  );
}
