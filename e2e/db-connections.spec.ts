import path from "node:path";
import { expect, test } from "@playwright/test";
import { openFiles, pidListeningOn } from "../scripts/proc";
import { e2eDatabasePath, fetchInPage, signUpFreshStudent } from "./support";

// Next bundles lib/server/db.ts separately for pages and for route handlers. With a client per bundle,
// the server held two SQLite connections, and a page's write waiting on a route's open transaction
// blocked the event loop that transaction needed (better-sqlite3 waits synchronously): stalls of up to
// 10 s, seen in a kill -9 fault run. After a page and an API route have both used the database, the
// server process must hold exactly one connection to the file.
test("the server holds one database connection, shared by pages and API routes", async ({ page, baseURL }) => {
  await signUpFreshStudent(page, "dbconn");
  await page.goto("/practice/q/fifo-convoy-effect");
  await expect(page.getByRole("button", { name: "Submit answer" })).toBeVisible();
  const count = await fetchInPage(page, "/api/review/count");
  expect(count.status).toBe(200);

  const pid = pidListeningOn(Number(new URL(baseURL!).port));
  expect(pid, "the process serving the e2e port").not.toBeNull();
  const database = path.resolve(e2eDatabasePath());
  const connections = openFiles(pid!).filter((file) => file === database);
  expect(connections).toHaveLength(1);
});
