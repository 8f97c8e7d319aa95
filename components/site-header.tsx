"use client";

import Link from "next/link";
import { useState } from "react";
import { ReviewNavLink } from "./progress/review-nav-link";
import { useSessionUser } from "./session-user";
import { SignOutButton } from "./sign-out-button";
import { ThemeToggle } from "./theme-toggle";
import { isAdmin, isTeacher } from "@/lib/roles";

// The header reads the session in the browser, so the root layout stays free of request data and
// public pages (landing, lessons) can be prerendered. It is navigation only: every page and route
// checks the session and role on the server.
export function SiteHeader() {
  const session = useSessionUser();
  const user = session.status === "ready" ? session.user : null;
  const teaches = isTeacher(user);
  // Below md the signed-in links fold into a menu: on a 390 px phone they wrapped onto three rows.
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <header className="border-b border-border bg-card">
      <nav aria-label="Main" className="mx-auto flex w-full max-w-5xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3">
        <Link href="/" className="mr-auto flex items-center gap-2 font-semibold">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 text-primary" fill="currentColor">
            <rect x="2" y="5" width="6" height="5" rx="1" />
            <rect x="9" y="5" width="4" height="5" rx="1" opacity=".55" />
            <rect x="14" y="5" width="8" height="5" rx="1" />
            <rect x="2" y="14" width="9" height="5" rx="1" opacity=".55" />
            <rect x="12" y="14" width="10" height="5" rx="1" />
          </svg>
          Timeslice
        </Link>
        <Link href="/learn" className="text-sm hover:underline">
          Learn
        </Link>
        {session.status === "loading" ? (
          <span className="h-5 w-40" aria-hidden="true" />
        ) : user ? (
          <>
            <button
              type="button"
              className="rounded-md border border-border px-3 py-1.5 text-sm md:hidden"
              aria-expanded={menuOpen}
              aria-controls="main-menu"
              onClick={() => setMenuOpen((open) => !open)}
            >
              Menu
            </button>
            <div
              id="main-menu"
              className={`${menuOpen ? "flex" : "hidden"} w-full flex-col items-start gap-2 border-t border-border pt-2 max-md:order-last md:flex md:w-auto md:flex-row md:items-center md:gap-x-3 md:border-0 md:pt-0`}
              // A followed link closes the menu (the header stays mounted across client navigations).
              onClick={(event) => {
                if ((event.target as HTMLElement).closest("a")) setMenuOpen(false);
              }}
            >
              <Link href="/dashboard" className="text-sm hover:underline">
                Dashboard
              </Link>
              <Link href="/practice" className="text-sm hover:underline">
                Practice
              </Link>
              <ReviewNavLink />
              <Link href="/mock" className="text-sm hover:underline">
                Mock interview
              </Link>
              <Link href="/classes" className="text-sm hover:underline">
                Classes
              </Link>
              <Link href="/history" className="text-sm hover:underline">
                History
              </Link>
              {teaches ? (
                <Link href="/teach" className="text-sm hover:underline">
                  Teach
                </Link>
              ) : null}
              {isAdmin(user) ? (
                <Link href="/admin" className="text-sm hover:underline">
                  Admin
                </Link>
              ) : null}
              <span className="hidden text-sm text-muted-foreground sm:inline" data-testid="signed-in-as">
                {user.name}
              </span>
              <SignOutButton />
            </div>
          </>
        ) : (
          <>
            <Link href="/signin" className="text-sm hover:underline">
              Sign in
            </Link>
            <Link
              href="/signup"
              className="rounded-md bg-primary px-3 py-1.5 text-sm font-medium text-primary-foreground"
            >
              Sign up
            </Link>
          </>
        )}
        <ThemeToggle />
      </nav>
    </header>
  );
}
