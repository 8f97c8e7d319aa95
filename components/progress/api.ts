// Helpers of the progress views. Requests go through lib/api/client.ts.

export function newSubmissionId(): string {
  return crypto.randomUUID().replace(/-/g, "");
}
