// First-start conveniences for a local machine: a random NEXTAUTH_SECRET kept in .env.local
// (git-ignored, never committed), and AUTH_TRUST_HOST so sign-in works on whatever host/port serves it.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";

export function ensureLocalEnv(file = ".env.local"): void {
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  const has = (name: string) => process.env[name] !== undefined || new RegExp(`^${name}=`, "m").test(text);
  const additions: string[] = [];
  if (!has("NEXTAUTH_SECRET") && !has("AUTH_SECRET"))
    additions.push(`NEXTAUTH_SECRET=${randomBytes(32).toString("base64url")}`);
  if (!has("AUTH_TRUST_HOST") && !has("NEXTAUTH_URL")) additions.push("AUTH_TRUST_HOST=true");
  if (additions.length) {
    // The file holds the session-signing secret: readable by its owner only. `mode` applies when the
    // file is created; chmod also tightens one that already existed with wider permissions.
    writeFileSync(
      file,
      `${text}${text && !text.endsWith("\n") ? "\n" : ""}# written on first start by scripts/local-env.ts\n${additions.join("\n")}\n`,
      { mode: 0o600 },
    );
    chmodSync(file, 0o600);
  }
}
