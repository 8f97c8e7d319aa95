import { describe, expect, test } from "vitest";
import { isUnavailable } from "./http";

// Shapes seen in the load test's server log while PostgreSQL was killed and restarted: each must become a
// 503 (retry later), never a 500. Ordinary failures must stay errors.
function prismaError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: "PrismaClientKnownRequestError", code });
}

describe("isUnavailable", () => {
  test.each([
    ["can't reach the server", prismaError("P1001", "DatabaseNotReachable")],
    ["transaction could not start in time", prismaError("P2028", "Transaction API error: Unable to start a transaction in the given time.")],
    ["restarting PostgreSQL (57P03)", prismaError("P2039", "Database error. Code: `57P03`. Message: `the database system is starting up`")],
    ["PostgreSQL shutting down (57P01)", prismaError("P2039", "Database error. Code: `57P01`. Message: `terminating connection due to administrator command`")],
    ["the pg pool's connect timeout", new Error("timeout exceeded when trying to connect")],
    ["a connection dropped mid-query", new Error("Connection terminated unexpectedly")],
  ])("%s is an outage", (_label, error) => {
    expect(isUnavailable(error)).toBe(true);
  });

  test.each([
    ["a unique-constraint violation", prismaError("P2002", "Unique constraint failed on the fields: (`email`)")],
    ["a missing record", prismaError("P2025", "An operation failed because it depends on one or more records that were required but not found.")],
    ["a programming error", new TypeError("Cannot read properties of undefined (reading 'id')")],
    ["a SQLSTATE outside class 57", prismaError("P2039", "Database error. Code: `22P02`. Message: `invalid input syntax for type integer`")],
  ])("%s is not an outage", (_label, error) => {
    expect(isUnavailable(error)).toBe(false);
  });
});
