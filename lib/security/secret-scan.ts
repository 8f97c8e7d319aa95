// What a committed or shipped secret looks like. Used by the repository scan (lib/security/secrets.test.ts)
// and the scan of the build output served to browsers (e2e/build-secrets.spec.ts); each of them plants
// every kind in a temporary file first, to show the scan would notice.

export interface SecretFinding {
  rule: string;
  /** The matching text, cut short: enough to find it, not a copy of the secret in a test log. */
  excerpt: string;
}

interface Rule {
  name: string;
  pattern: RegExp;
  /** The part of the match that must not be a placeholder such as "password" or "${SECRET}". */
  valueGroup?: number;
}

/** Environment variables whose value is a secret (next-auth's signing key, the first admin's password). */
export const SECRET_ENV_NAMES = ["NEXTAUTH_SECRET", "AUTH_SECRET", "TIMESLICE_ADMIN_PASSWORD", "PGPASSWORD"] as const;
const NAMES = SECRET_ENV_NAMES.join("|");

const RULES: readonly Rule[] = [
  { name: "private key", pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g },
  {
    name: "argon2 hash",
    pattern: /\$argon2(?:id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]{8,}\$[A-Za-z0-9+/]{8,}/g,
  },
  {
    name: "database URL with a password",
    pattern: /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis):\/\/[^\s:@/'"`]+:([^\s@/'"`]+)@/g,
    valueGroup: 1,
  },
  { name: "AWS access key", pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { name: "GitHub token", pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/g },
  { name: "Slack token", pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/g },
  { name: "Stripe live key", pattern: /\b[rs]k_live_[A-Za-z0-9]{16,}/g },
  { name: "Google API key", pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { name: "npm token", pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
  // NEXTAUTH_SECRET: "…", process.env.NEXTAUTH_SECRET ??= "…", { "AUTH_SECRET": '…' }
  {
    name: "hard-coded secret",
    pattern: new RegExp(`\\b(?:${NAMES})["']?\\s*(?:\\?\\?=|\\|\\|=|=|:)\\s*(["'\`])([^"'\`\\n]{4,})\\1`, "g"),
    valueGroup: 2,
  },
  // NEXTAUTH_SECRET=… as a line of an env file, a shell script or a Dockerfile
  {
    name: "hard-coded secret",
    pattern: new RegExp(`^[ \\t]*(?:export[ \\t]+|ENV[ \\t]+)?(?:${NAMES})[ \\t]*=[ \\t]*([^\\s"'\`#]{4,})`, "gm"),
    valueGroup: 1,
  },
];

/** Values that stand for a secret in docs and code rather than being one. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  return (
    /^[<{[$]|\$\{|\$\(|^process\.env/.test(v) ||
    /^(?:\.\.\.|…|x+|\*+)$/i.test(v) ||
    /^(?:password|passwd|pass|secret|changeme|change-me|your[-_]?\w*|example\w*|placeholder|redacted)$/i.test(v)
  );
}

/** Every secret-looking match in one text; `allowed` lists literal values known to be test-only. */
export function findSecrets(text: string, allowed: ReadonlySet<string> = new Set()): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.pattern)) {
      const value = rule.valueGroup === undefined ? undefined : m[rule.valueGroup];
      if (value !== undefined && (isPlaceholder(value) || allowed.has(value))) continue;
      found.push({ rule: rule.name, excerpt: m[0].length > 40 ? `${m[0].slice(0, 36)}…` : m[0] });
    }
  }
  return found;
}

/** File names that hold secrets whatever they contain: env files with values, keys and keystores. */
export function secretFileKind(path: string, text: string): string | null {
  const base = path.split("/").pop() ?? path;
  if (/^\.env(?:\.|$)/.test(base) && !/\.(?:example|sample|template|dist)$/.test(base)) {
    // An env file is harmless only when every variable is left empty.
    return /^[ \t]*(?:export[ \t]+)?[A-Za-z_][A-Za-z0-9_]*[ \t]*=[ \t]*[^\s#]/m.test(text)
      ? "env file with values"
      : null;
  }
  if (/\.(?:pem|key|p12|pfx|jks|keystore)$/i.test(base) || /^id_(?:rsa|dsa|ecdsa|ed25519)$/.test(base))
    return "key or keystore file";
  return null;
}
