import type { Metadata } from "next";
import { DEMO_ACCOUNTS, demoMode } from "@/lib/demo/accounts";
import { safeCallbackPath } from "@/lib/security/redirect";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Only paths on this site: anything resolving elsewhere ("/\\host", "/%09/host", …) would be an open redirect.
  const safeCallback = safeCallbackPath(callbackUrl);
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-6">
      <h1 className="text-2xl font-bold">Sign in</h1>
      <SignInForm callbackUrl={safeCallback} />
      {demoMode() ? (
        <aside className="rounded-lg border border-border bg-muted p-4 text-sm" aria-label="Demo accounts">
          <p className="font-medium">Demo accounts</p>
          <ul className="mt-2 flex flex-col gap-1 font-mono text-xs">
            {DEMO_ACCOUNTS.map((a) => (
              <li key={a.email}>
                {a.role.toLowerCase()}: {a.email} / {a.password}
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
    </div>
  );
}
