// Node-only (native argon2); shared by the server and the seed script, so it is outside lib/server.
import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's baseline parameters (19 MiB, 2 passes, 1 lane): memory-hard, ~20 ms here.
// `algorithm: 2` is Algorithm.Argon2id: the package exports it as a const enum, which isolatedModules cannot inline.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
