// Sign-in texts shared by the server (lib/server/auth.ts) and the sign-in and sign-up forms.
export const SIGN_IN_UNAVAILABLE =
  "Timeslice can't reach its database right now, so your password could not be checked. Try again in a moment.";

/**
 * What a failed sign-in shows, chosen by the HTTP status the auth route answered (a typed outcome: 429
 * for a sign-in limit, 503 for a database outage), not by parsing next-auth's error text.
 */
export function signInErrorText(status: number | undefined, otherwise: string): string {
  if (status === 429) return "Too many failed sign-in attempts. Wait a minute and try again.";
  if (status === 503) return SIGN_IN_UNAVAILABLE;
  return otherwise;
}
