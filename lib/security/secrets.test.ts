// No secrets in the repository: every file git would commit (tracked, or new and not ignored) is scanned
// for private keys, tokens, password hashes, database URLs with passwords, env files with values and
// hard-coded signing keys or admin passwords. A planted copy of each kind shows the scan would fail.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { findSecrets, isPlaceholder, secretFileKind } from "./secret-scan";

/** Literal secrets that are test-only by design, allowed only in the file that uses them. */
const TEST_ONLY: Record<string, readonly string[]> = {
  // The end-to-end server's signing key and first admin's password: a throw-away SQLite database on loopback.
  "scripts/e2e-server.ts": ["e2e-only-secret-not-for-production-use-000000", "e2e-admin-password"],
};

/** "file: rule (excerpt)" for every finding under root. */
function scan(root: string, files: readonly string[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    const full = path.join(root, file);
    // Listed by git but deleted in the work tree.
    if (!existsSync(full)) continue;
    const text = readFileSync(full, "utf8");
    const kind = secretFileKind(file, text);
    if (kind) out.push(`${file}: ${kind}`);
    for (const f of findSecrets(text, new Set(TEST_ONLY[file] ?? []))) out.push(`${file}: ${f.rule} (${f.excerpt})`);
  }
  return out;
}

function filesGitWouldCommit(root: string): string[] {
  const listing = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...new Set(listing.split("\0").filter(Boolean))];
}

describe("secrets in the repository", () => {
  const root = path.resolve(import.meta.dirname, "../..");

  test("no file git would commit holds a secret", () => {
    const files = filesGitWouldCommit(root);
    // The listing really is the repository (not an empty or foreign tree).
    expect(files).toContain("package.json");
    expect(files).toContain("scripts/e2e-server.ts");
    expect(files.length).toBeGreaterThan(100);
    expect(scan(root, files)).toEqual([]);
  });

  test("the allowed test-only literals are still where the allow-list says", () => {
    for (const [file, values] of Object.entries(TEST_ONLY)) {
      const text = readFileSync(path.join(root, file), "utf8");
      // Each entry is still used there, and is what keeps the scan quiet: without it the scan reports more.
      for (const value of values) {
        expect(text, `${file} uses ${value}`).toContain(value);
        const others = new Set(values.filter((v) => v !== value));
        expect(findSecrets(text, others).length, value).toBeGreaterThan(findSecrets(text, new Set(values)).length);
      }
    }
  });

  describe("planted secrets are found", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "secret-scan-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    // Assembled at run time so this file does not itself contain what it plants.
    const name = ["NEXTAUTH", "SECRET"].join("_");
    const admin = ["TIMESLICE", "ADMIN", "PASSWORD"].join("_");
    const begin = ["-----BEGIN", "RSA", "PRIVATE", "KEY-----"].join(" ");
    const planted: Record<string, { text: string; rules: string[] }> = {
      "config.ts": {
        text: `export const env = { ${name}: "s3cr3t-signing-key-123" };\n`,
        rules: ["hard-coded secret"],
      },
      // The e2e literal is allowed only in scripts/e2e-server.ts.
      "server-start.ts": {
        text: `process.env.${name} ??= "e2e-only-secret-not-for-production-use-000000";\n`,
        rules: ["hard-coded secret"],
      },
      ".env": { text: `${name}=abcdef0123456789\n`, rules: ["env file with values", "hard-coded secret"] },
      "deploy/run.sh": { text: `export ${admin}=hunter2hunter2\n`, rules: ["hard-coded secret"] },
      "deploy/tls.txt": { text: `${begin}\nMIIEpAIBAAKCAQEA\n`, rules: ["private key"] },
      "deploy/tls.pem": { text: "anything\n", rules: ["key or keystore file"] },
      "lib/db.ts": {
        text: `const url = "postgres" + "://app:Sup3rS3cret@db.internal:5432/app";\nconst leaked = "${["postgresql:", "", "app:Sup3rS3cret@db"].join("/")}";\n`,
        rules: ["database URL with a password"],
      },
      "seed.json": {
        text: `{"hash": "${["$argon2id", "v=19", "m=19456,t=2,p=1", "c2FsdHNhbHRzYWx0", "aGFzaGhhc2hoYXNoaGFzaA"].join("$")}"}\n`,
        rules: ["argon2 hash"],
      },
      "notes/tokens.md": {
        text: [
          "AKIA" + "Q".repeat(16),
          "ghp_" + "a".repeat(36),
          "xoxb-" + "1".repeat(12),
          "sk_live_" + "b".repeat(24),
          "AIza" + "c".repeat(35),
          "npm_" + "d".repeat(36),
        ].join("\n"),
        rules: ["AWS access key", "GitHub token", "Slack token", "Stripe live key", "Google API key", "npm token"],
      },
      // Placeholders as docs write them, and an empty template: nothing to report.
      "README.md": {
        text: [
          `DATABASE_URL=${["postgresql:", "", "user:password@localhost:5432/timeslice"].join("/")} npm start`,
          `${name}=$(openssl rand -base64 32)`,
          `const env = { ${name}: process.env.${name} ?? randomBytes(32) };`,
          `${name}: "\${SECRET}"`,
        ].join("\n"),
        rules: [],
      },
      ".env.example": { text: `${name}=\n`, rules: [] },
    };

    test.each(Object.keys(planted))("%s", (file) => {
      const full = path.join(dir, file);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, planted[file]!.text);
      const rules = scan(dir, [file]).map((line) => line.slice(file.length + 2).replace(/ \(.*$/, ""));
      expect([...new Set(rules)].sort()).toEqual([...planted[file]!.rules].sort());
    });

    test("placeholders are recognised as such", () => {
      for (const p of ["password", "<secret>", "${SECRET}", "$(openssl", "…", "changeme", "process.env.X"])
        expect(isPlaceholder(p), p).toBe(true);
      for (const p of ["hunter2hunter2", "e2e-only-secret-not-for-production-use-000000", "Sup3rS3cret"])
        expect(isPlaceholder(p), p).toBe(false);
    });
  });
});
