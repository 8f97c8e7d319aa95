// Integration tests run against a real PostgreSQL server: TEST_DATABASE_URL if given, otherwise a
// throw-away cluster from Debian's binaries. Without either the run fails loudly rather than silently
// testing only SQLite.
import type { TestProject } from "vitest/node";
import { findPostgresBin, startThrowawayPostgres, type ThrowawayPostgres } from "../lib/db/throwaway-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

let cluster: ThrowawayPostgres | undefined;

export default async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    if (!findPostgresBin()) {
      const message =
        "\n*** NO POSTGRESQL FOR TESTS ***\nSet TEST_DATABASE_URL or install Debian's postgresql package (apt-get install postgresql).\n";
      console.error(message);
      throw new Error("PostgreSQL is required by the integration tests");
    }
    cluster = await startThrowawayPostgres();
    url = cluster.url;
  }
  project.provide("postgresUrl", url);
  return () => cluster?.stop();
}
