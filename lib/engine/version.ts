// Stored with every graded attempt: bump it whenever a change could alter a reference answer,
// so regrades and replays can tell which engine produced a stored result.
export const ENGINE_VERSION = "1.1.0";
