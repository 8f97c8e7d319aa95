// Error lines shown together (a field's own parse error, the submit check, the server's answer) often say
// the same thing twice, or once bare and once with a prefix ("Part 1: 'abc' is not a number…").

/** The messages without repeats: exact duplicates and any message contained in another one are dropped. */
export function distinctMessages(messages: readonly string[]): string[] {
  const trimmed = [...new Set(messages.map((m) => m.trim()).filter((m) => m !== ""))];
  return trimmed.filter((m) => !trimmed.some((other) => other !== m && other.includes(m)));
}
