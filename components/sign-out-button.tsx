"use client";

// next-auth's client library is loaded on click, not with every page: signing out is rare and
// reloads the page anyway (signOut redirects to the callback URL).
async function signOut() {
  const { signOut: nextAuthSignOut } = await import("next-auth/react");
  await nextAuthSignOut({ callbackUrl: "/" });
}

export function SignOutButton() {
  return (
    <button type="button" onClick={() => void signOut()} className="text-sm hover:underline">
      Sign out
    </button>
  );
}
